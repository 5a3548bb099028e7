using System.Text.Json;
using Corridors.Domain.Geo;
using Corridors.Domain.Network.Validation;
using NetTopologySuite.Geometries;

namespace Corridors.Domain.Network.Loading;

/// <summary>
/// Loads a network folder (<c>corridors.json</c>, <c>sources.csv</c> and every <c>*.geojson</c> directly in it,
/// in ordinal order of file name) and validates it with <see cref="NetworkValidator"/>. Bad input of any kind —
/// a missing file, malformed JSON or CSV, a wrong type, a missing property — is a <see cref="NetworkProblem"/>,
/// never an exception, and nothing is dropped or fixed silently.
/// </summary>
public sealed class NetworkLoader
{
    public const string CorridorsFileName = "corridors.json";
    public const string SourcesFileName = "sources.csv";
    public const string NetworkFilePattern = "*.geojson";

    private static readonly JsonDocumentOptions JsonOptions = new()
    {
        // A repeated property would otherwise silently win over the first.
        AllowDuplicateProperties = false,
        AllowTrailingCommas = false,
        CommentHandling = JsonCommentHandling.Disallow,
    };

    private readonly GeometryFactory _factory;

    /// <param name="factory">The WGS84 factory (SRID 4326, see <see cref="Wgs84.CreateFactory"/>) every geometry is built with.</param>
    public NetworkLoader(GeometryFactory factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        if (factory.SRID != Wgs84.Srid)
        {
            throw new ArgumentException($"The geometry factory must use SRID {Wgs84.Srid} (WGS84), not {factory.SRID}.", nameof(factory));
        }

        _factory = factory;
    }

    /// <summary>Loads and validates the folder; see <see cref="NetworkLoadResult"/>.</summary>
    public NetworkLoadResult Load(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        var problems = new List<NetworkProblem>();
        if (!Directory.Exists(directory))
        {
            problems.Add(new NetworkProblem(directory, null, null, NetworkRule.MissingFile, $"network folder '{directory}' does not exist"));
            return NetworkLoadResult.Invalid(problems);
        }

        var declarations = new List<Declaration>();
        var sources = new List<Source>();
        var corridors = new List<Corridor>();
        var places = new List<Place>();
        var links = new List<Link>();

        var sourcesProblems = new FileProblems(SourcesFileName, problems);
        if (ReadText(directory, SourcesFileName, sourcesProblems) is { } csv)
        {
            SourcesCsvReader.Read(csv, sourcesProblems, sources, declarations);
        }

        var corridorProblems = new FileProblems(CorridorsFileName, problems);
        if (ReadJson(directory, CorridorsFileName, corridorProblems) is { } registry)
        {
            using (registry)
            {
                CorridorRegistryReader.Read(registry.RootElement, corridorProblems, corridors, declarations);
            }
        }

        List<string> networkFiles = FindNetworkFiles(directory, problems);
        foreach (string fileName in networkFiles)
        {
            var fileProblems = new FileProblems(fileName, problems);
            if (ReadJson(directory, fileName, fileProblems) is { } document)
            {
                using (document)
                {
                    new GeoJsonFeatureReader(_factory, fileProblems).Read(document.RootElement, places, links, declarations);
                }
            }
        }

        var draft = new NetworkDraft(declarations, places, links, corridors, sources)
        {
            CorridorsFile = CorridorsFileName,
            SourcesFile = SourcesFileName,
        };
        problems.AddRange(NetworkValidator.Validate(draft));
        if (problems.Count > 0)
        {
            return NetworkLoadResult.Invalid([.. problems.OrderBy(p => p.File, StringComparer.Ordinal)]);
        }

        return NetworkLoadResult.Valid(new CorridorNetwork(places, links, corridors, sources));
    }

    private static List<string> FindNetworkFiles(string directory, List<NetworkProblem> problems)
    {
        try
        {
            List<string> files = [.. Directory.EnumerateFiles(directory, NetworkFilePattern, SearchOption.TopDirectoryOnly)
                .Select(Path.GetFileName)
                .OfType<string>()
                .Where(name => name.EndsWith(".geojson", StringComparison.Ordinal))
                .Order(StringComparer.Ordinal)];
            if (files.Count == 0)
            {
                problems.Add(new NetworkProblem(directory, null, null, NetworkRule.MissingFile,
                    $"no {NetworkFilePattern} files in network folder '{directory}'"));
            }

            return files;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            problems.Add(new NetworkProblem(directory, null, null, NetworkRule.MissingFile, $"cannot list network folder: {e.Message}"));
            return [];
        }
    }

    private static string? ReadText(string directory, string fileName, FileProblems problems)
    {
        string path = Path.Combine(directory, fileName);
        if (!File.Exists(path))
        {
            problems.Add(null, null, NetworkRule.MissingFile, $"required file '{fileName}' is missing from the network folder");
            return null;
        }

        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            problems.Add(null, null, NetworkRule.MissingFile, $"cannot read '{fileName}': {e.Message}");
            return null;
        }
    }

    private static JsonDocument? ReadJson(string directory, string fileName, FileProblems problems)
    {
        if (ReadText(directory, fileName, problems) is not { } text)
        {
            return null;
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text, JsonOptions);
        }
        catch (JsonException e)
        {
            string where = e.LineNumber is { } line ? $" at line {line + 1}, byte {e.BytePositionInLine + 1}" : "";
            problems.Add(null, null, NetworkRule.MalformedJson, $"malformed JSON{where}: {FirstSentence(e.Message)}");
            return null;
        }
        catch (InvalidOperationException e)
        {
            // The duplicate-property check unescapes property names and throws this (not JsonException) for a name
            // escaping half of a surrogate pair (found by fuzzing, tests/Corridors.Fuzz).
            problems.Add(null, null, NetworkRule.MalformedJson, $"malformed JSON: {e.Message}");
            return null;
        }

        if (JsonFields.FindUnreadableString(document.RootElement) is { } unreadable)
        {
            document.Dispose();
            problems.Add(null, null, NetworkRule.MalformedJson, $"malformed JSON: {unreadable} escapes half of a UTF-16 surrogate pair");
            return null;
        }

        return document;
    }

    /// <summary>System.Text.Json appends "LineNumber: … | BytePositionInLine: …" to its messages; we report those ourselves.</summary>
    private static string FirstSentence(string message)
    {
        int cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut].TrimEnd() : message;
    }
}
