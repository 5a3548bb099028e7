using Corridors.Domain.Risk;

namespace Corridors.Fuzzing;

/// <summary>The measures loader, <see cref="MeasureLoader.Parse"/>, over the real network.</summary>
internal sealed class MeasuresHarness(BaselineData baseline) : ILoaderHarness
{
    public const string Name = "measures";
    private const string FileName = "measures.json";

    public string Target => Name;

    public FuzzOutcome Run(byte[] input)
    {
        ArgumentNullException.ThrowIfNull(input);
        DataLoadResult<SanctionsCatalog> result = MeasureLoader.Parse(LoaderHarnesses.DecodeLikeFile(input), FileName, baseline.Network);
        if (result.Problems.FirstOrDefault(p => p.File != FileName) is { } stray)
        {
            throw new LoaderContractException($"measures load: a problem names file '{stray.File}', not '{FileName}'");
        }

        return LoaderHarnesses.Judge(result.IsValid, [.. result.Problems.Select(p => p.Message.Length == 0 ? "" : p.ToString())], "measures load");
    }

    public void Dispose()
    {
    }
}
