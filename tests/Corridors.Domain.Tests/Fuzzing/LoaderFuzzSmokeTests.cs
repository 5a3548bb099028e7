using Corridors.Domain.Tests.Support;
using Corridors.Fuzzing;

namespace Corridors.Domain.Tests.Fuzzing;

/// <summary>The three fuzz harnesses over the repository's data, the baseline network loaded once.</summary>
public sealed class LoaderHarnessFixture : IDisposable
{
    public LoaderHarnessFixture()
    {
        Root = RepositoryRoot.Find();
        Baseline = BaselineData.Load(Path.Combine(Root, LoaderHarnesses.NetworksFolder));
        Harnesses = new Dictionary<string, ILoaderHarness>
        {
            [GeoJsonHarness.Name] = new GeoJsonHarness(Path.Combine(Root, LoaderHarnesses.GeoJsonFixtureFolder)),
            [ScenarioHarness.Name] = new ScenarioHarness(Baseline),
            [MeasuresHarness.Name] = new MeasuresHarness(Baseline),
        };
    }

    public string Root { get; }

    internal BaselineData Baseline { get; }

    internal Dictionary<string, ILoaderHarness> Harnesses { get; }

    internal List<(string Name, byte[] Bytes)> Seeds(string target) =>
        [.. Directory.EnumerateFiles(Path.Combine(Root, LoaderHarnesses.CorpusFolder(target)))
            .Order(StringComparer.Ordinal)
            .Select(path => (Path.GetFileName(path), File.ReadAllBytes(path)))];

    public void Dispose()
    {
        foreach (ILoaderHarness harness in Harnesses.Values)
        {
            harness.Dispose();
        }
    }
}

/// <summary>
/// The CI share of the fuzzing (AFL++ runs are in tests/Corridors.Fuzz): every seed and a fixed set of mutants of
/// the seeds go through each harness, and each must end as the loader's contract says — a loaded value, or no value
/// and at least one problem — never another exception. Bounded by a count of inputs, never by time.
/// </summary>
public sealed class LoaderFuzzSmokeTests(LoaderHarnessFixture fixture) : IClassFixture<LoaderHarnessFixture>
{
    private const int InputsPerTarget = 2_000;
    private const int MaxSeedBytes = 8 * 1024;

    [Theory]
    [InlineData("geojson", 20_261_201)]
    [InlineData("scenario", 20_261_202)]
    [InlineData("measures", 20_261_203)]
    public void SeedsAndMutants_LoadOrAreRejectedWithProblems(string target, int randomSeed)
    {
        ILoaderHarness harness = fixture.Harnesses[target];
        List<(string Name, byte[] Bytes)> seeds = fixture.Seeds(target);
        List<Mutant> inputs = new SeedMutator(randomSeed).Mutants(seeds, InputsPerTarget);

        int loaded = 0, rejected = 0;
        var failures = new List<string>();
        foreach (Mutant input in inputs)
        {
            try
            {
                FuzzOutcome outcome = harness.Run(input.Bytes);
                if (outcome.Verdict == FuzzVerdict.Loaded)
                {
                    loaded++;
                }
                else
                {
                    rejected++;
                }
            }
#pragma warning disable CA1031 // every exception that escapes a harness is a finding to report, with its input
            catch (Exception e)
#pragma warning restore CA1031
            {
                failures.Add($"{input.Recipe}: {e.GetType().Name}: {e.Message}{Environment.NewLine}   input kept as {Keep(target, failures.Count, input.Bytes)}"
                             + $"{Environment.NewLine}{e.StackTrace?.Split(Environment.NewLine).FirstOrDefault(l => l.Contains("Corridors.Domain", StringComparison.Ordinal))}");
            }
        }

        Assert.True(failures.Count == 0,
            $"{failures.Count} of {inputs.Count} {target} inputs broke the loader's contract (replay a kept input with "
            + $"`dotnet run --project tests/Corridors.Fuzz -- {target} --replay DIR`):{Environment.NewLine}{string.Join(Environment.NewLine, failures.Take(10))}");
        Assert.Equal(InputsPerTarget, loaded + rejected);

        // The mutants reach both ends of the loader: some stay valid (a changed name, a flipped bit in a description),
        // most are refused with problems.
        Assert.InRange(loaded, seeds.Count(s => harness.Run(s.Bytes).Verdict == FuzzVerdict.Loaded) + 1, InputsPerTarget / 2);
        Assert.InRange(rejected, InputsPerTarget / 2, InputsPerTarget);
    }

    /// <summary>Each seed keeps the outcome it was written for, so that the fuzzers start from valid data as well as from broken data.</summary>
    [Theory]
    [InlineData("geojson", "cku-rail.geojson", null)]
    [InlineData("geojson", "cku-road.geojson", null)]
    [InlineData("geojson", "empty-collection.geojson", "corridors.json: cku: chinaPlaces[0]: no place has id 'kashgar' [unknown-place]")]
    [InlineData("geojson", "not-an-object.geojson", "fuzzed.geojson: expected an object but found an array [1")]
    [InlineData("scenario", "every-change-type.json", null)]
    [InlineData("scenario", "red-sea-closed.json", null)]
    [InlineData("scenario", "bad-changes.json", "changes[0].place: unknown place 'nowhere'")]
    [InlineData("scenario", "empty-object.json", "id: required: a non-empty string")]
    [InlineData("measures", "eu-countries-goods.json", null)]
    [InlineData("measures", "operators-licence.json", null)]
    [InlineData("measures", "carriers.json", null)]
    [InlineData("measures", "bad-records.json", "measures.json: extra: unknown property 'extra'; allowed: coverage, regimes, operators, goodsLists, measures")]
    public void Seed_HasItsIntendedOutcome(string target, string file, string? problem)
    {
        (string _, byte[] bytes) = fixture.Seeds(target).Single(s => s.Name == file);

        FuzzOutcome outcome = fixture.Harnesses[target].Run(bytes);

        if (problem is null)
        {
            Assert.True(outcome.Verdict == FuzzVerdict.Loaded, $"{file} was rejected: {string.Join("; ", outcome.Problems)}");
        }
        else
        {
            Assert.Equal(FuzzVerdict.Rejected, outcome.Verdict);
            Assert.Contains(outcome.Problems, p => p.StartsWith(problem, StringComparison.Ordinal));
        }
    }

    [Theory]
    [InlineData("geojson")]
    [InlineData("scenario")]
    [InlineData("measures")]
    public void SeedCorpus_IsSmall(string target)
    {
        List<(string Name, byte[] Bytes)> seeds = fixture.Seeds(target);

        Assert.InRange(seeds.Count, 4, 20);
        Assert.All(seeds, s => Assert.True(s.Bytes.Length <= MaxSeedBytes, $"{s.Name} is {s.Bytes.Length} bytes; AFL is fastest on seeds under {MaxSeedBytes}"));
    }

    private static string Keep(string target, int index, byte[] input)
    {
        string folder = Path.Combine(Path.GetTempPath(), "corridors-fuzz-smoke", target);
        Directory.CreateDirectory(folder);
        string path = Path.Combine(folder, $"failure-{index:D3}");
        File.WriteAllBytes(path, input);
        return path;
    }
}
