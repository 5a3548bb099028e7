using System.Text;

namespace Corridors.Fuzzing;

/// <summary>How one input ended, when it ended the way the loader's contract allows.</summary>
internal enum FuzzVerdict
{
    /// <summary>The loader returned a value and no problem.</summary>
    Loaded,

    /// <summary>The loader returned no value and at least one problem (its documented bad-input result).</summary>
    Rejected,
}

/// <param name="Verdict">Loaded or rejected.</param>
/// <param name="Problems">The problems reported, each as the loader prints it; empty when loaded.</param>
internal sealed record FuzzOutcome(FuzzVerdict Verdict, IReadOnlyList<string> Problems);

/// <summary>
/// Thrown by a harness when a loader returned without an exception but broke its own contract (no value and no
/// problem, a value and problems, a problem without a message, a scenario that does not read back). SharpFuzz
/// reports it as a crash, like any other exception that escapes a harness.
/// </summary>
internal sealed class LoaderContractException : Exception
{
    public LoaderContractException()
    {
    }

    public LoaderContractException(string message)
        : base(message)
    {
    }

    public LoaderContractException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>
/// One fuzz target: feeds arbitrary bytes to one loader through its public entry point and checks the contract —
/// any input ends in a loaded value or the loader's bad-input result. Any other exception escapes
/// <see cref="Run"/> unchanged, so that the fuzzer (or the test) sees it with its stack trace.
/// </summary>
internal interface ILoaderHarness : IDisposable
{
    /// <summary>The target's name: <c>geojson</c>, <c>scenario</c> or <c>measures</c>.</summary>
    string Target { get; }

    FuzzOutcome Run(byte[] input);
}

/// <summary>The three targets, created by name over the repository's data.</summary>
internal static class LoaderHarnesses
{
    public static readonly IReadOnlyList<string> Targets = [GeoJsonHarness.Name, ScenarioHarness.Name, MeasuresHarness.Name];

    /// <summary>The real data, relative to the repository root: the baseline of the scenario and measures targets.</summary>
    public const string NetworksFolder = "networks";

    /// <summary>The fixed files beside each fuzzed GeoJSON file, relative to the repository root (see the fuzz README).</summary>
    public static readonly string GeoJsonFixtureFolder = Path.Combine("tests", "Corridors.Fuzz", "fixture", "geojson");

    /// <summary>The seed corpus of <paramref name="target"/>, relative to the repository root.</summary>
    public static string CorpusFolder(string target) => Path.Combine("tests", "Corridors.Fuzz", "corpus", target);

    /// <summary>
    /// Creates the harness for <paramref name="target"/> over the data of the repository at
    /// <paramref name="repositoryRoot"/>. Loads what it needs once: the scenario and measures targets load the whole
    /// real network and catalog to check ids against. Unknown names throw <see cref="ArgumentException"/>.
    /// </summary>
    public static ILoaderHarness Create(string target, string repositoryRoot) => target switch
    {
        GeoJsonHarness.Name => new GeoJsonHarness(Path.Combine(repositoryRoot, GeoJsonFixtureFolder)),
        ScenarioHarness.Name => new ScenarioHarness(BaselineData.Load(Path.Combine(repositoryRoot, NetworksFolder))),
        MeasuresHarness.Name => new MeasuresHarness(BaselineData.Load(Path.Combine(repositoryRoot, NetworksFolder))),
        _ => throw new ArgumentException($"unknown fuzz target '{target}'; known: {string.Join(", ", Targets)}", nameof(target)),
    };

    /// <summary>
    /// The text a loader reading this file with <see cref="File.ReadAllText(string)"/> would see: UTF-8 unless a
    /// byte order mark says otherwise, invalid sequences replaced by U+FFFD.
    /// </summary>
    public static string DecodeLikeFile(byte[] input)
    {
        using var reader = new StreamReader(new MemoryStream(input, writable: false), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return reader.ReadToEnd();
    }

    /// <summary>The outcome of a loader result, after checking that it is one of the two the contract allows.</summary>
    public static FuzzOutcome Judge(bool loaded, IReadOnlyList<string> problems, string what)
    {
        if (loaded && problems.Count > 0)
        {
            throw new LoaderContractException($"{what}: a value was returned together with {problems.Count} problem(s): {problems[0]}");
        }

        if (!loaded && problems.Count == 0)
        {
            throw new LoaderContractException($"{what}: neither a value nor a problem was returned");
        }

        if (problems.FirstOrDefault(p => string.IsNullOrWhiteSpace(p)) is not null)
        {
            throw new LoaderContractException($"{what}: a problem without a message was reported");
        }

        return new FuzzOutcome(loaded ? FuzzVerdict.Loaded : FuzzVerdict.Rejected, problems);
    }
}
