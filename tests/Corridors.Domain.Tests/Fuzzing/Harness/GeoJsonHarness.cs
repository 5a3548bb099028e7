using Corridors.Domain.Geo;
using Corridors.Domain.Network.Loading;

namespace Corridors.Fuzzing;

/// <summary>
/// The GeoJSON network loader through its public entry point, <see cref="NetworkLoader.Load"/>: a private folder
/// holds a fixed <c>corridors.json</c> and <c>sources.csv</c> (the CKU corridor from Kashgar to Andijan and the
/// sources the seeds cite, so that a small seed can load as a valid network), and each input is written as its only
/// <c>*.geojson</c> file: the bytes go through the loader's own file reading, the feature reader and the validator.
/// The folder is made once per harness and deleted by <see cref="Dispose"/>.
/// </summary>
internal sealed class GeoJsonHarness : ILoaderHarness
{
    public const string Name = "geojson";
    private const string FuzzedFileName = "fuzzed.geojson";

    private readonly DirectoryInfo _folder;
    private readonly string _fuzzedPath;
    private readonly NetworkLoader _loader;

    /// <param name="fixtureDirectory">The folder holding the fixed <c>corridors.json</c> and <c>sources.csv</c>.</param>
    public GeoJsonHarness(string fixtureDirectory)
    {
        _folder = Directory.CreateTempSubdirectory("corridors-fuzz-geojson-");
        foreach (string name in new[] { NetworkLoader.CorridorsFileName, NetworkLoader.SourcesFileName })
        {
            File.Copy(Path.Combine(fixtureDirectory, name), Path.Combine(_folder.FullName, name));
        }

        _fuzzedPath = Path.Combine(_folder.FullName, FuzzedFileName);
        _loader = new NetworkLoader(Wgs84.CreateFactory());
    }

    public string Target => Name;

    public FuzzOutcome Run(byte[] input)
    {
        ArgumentNullException.ThrowIfNull(input);
        File.WriteAllBytes(_fuzzedPath, input);
        NetworkLoadResult result = _loader.Load(_folder.FullName);
        if (!result.IsValid && result.Network is not null)
        {
            throw new LoaderContractException("network load: IsValid is false although a network was returned");
        }

        return LoaderHarnesses.Judge(result.IsValid, [.. result.Problems.Select(p => p.Message.Length == 0 ? "" : p.ToString())], "network load");
    }

    public void Dispose() => _folder.Delete(recursive: true);
}
