using Corridors.Domain.Network;
using Corridors.Domain.Risk;
using Corridors.Domain.Routing;
using Corridors.Domain.Scenarios;
using Corridors.Fuzzing;

namespace Corridors.Domain.Tests.Fuzzing;

/// <summary>
/// What fuzzing found (2026-12-02), each a bad input that threw instead of being reported; the inputs are in the
/// seed corpora as crash-*.
/// </summary>
public sealed class FuzzFindingsTests(LoaderHarnessFixture fixture) : IClassFixture<LoaderHarnessFixture>
{
    // A scenario's sources list read each item with GetString(), which throws for anything but a string; a
    // non-array was silently taken as no sources.
    [Theory]
    [InlineData("""{ "type": "close-link" }""", "sources", "expected a source id but found an object { \"type\": \"close-link\" }")]
    [InlineData("1", "sources", "expected a source id but found number 1")]
    [InlineData("null", "sources", "expected a source id but found null")]
    public void ScenarioSourceThatIsNotAString_IsAnError(string item, string field, string message)
    {
        QueryResult<Scenario> result = ParseScenario($$"""{ "id": "s", "name": "S", "sources": ["MC-18", {{item}}], "changes": [{ "type": "close-place", "place": "aktau" }] }""");

        Assert.Null(result.Value);
        Assert.Equal(new QueryError(field, message), Assert.Single(result.Errors));
    }

    [Fact]
    public void ScenarioSourcesThatAreNotAnArray_AreAnError()
    {
        QueryResult<Scenario> result = ParseScenario("""{ "id": "s", "name": "S", "changes": [{ "type": "set-dwell", "place": "aktau", "kind": "ferry-wait", "minHours": 1, "typicalHours": 2, "maxHours": 3, "sources": "MC-18" }] }""");

        Assert.Null(result.Value);
        Assert.Equal(new QueryError("changes[0].sources", "expected an array of source ids but found string \"MC-18\""), result.Errors[0]);
    }

    [Fact]
    public void ScenarioWithCrashSeed_IsRejectedNamingTheSources()
    {
        QueryResult<Scenario> result = ParseScenario(File.ReadAllText(Seed("scenario", "crash-sources-object.json")));

        Assert.Null(result.Value);
        Assert.Contains(result.Errors, e => e.Field == "sources" && e.Message.StartsWith("expected a source id but found an object", StringComparison.Ordinal));
    }

    // An added measure's severity was read with TryGetInt32, which throws for anything but a number.
    [Theory]
    [InlineData("true")]
    [InlineData("\"3\"")]
    [InlineData("null")]
    [InlineData("[3]")]
    [InlineData("3.5")]
    public void AddedMeasureWithSeverityNotAWholeNumber_IsAnError(string severity)
    {
        string json = File.ReadAllText(Seed("scenario", "crash-severity-not-a-number.json")).Replace("\"severity\":true", $"\"severity\":{severity}", StringComparison.Ordinal);

        QueryResult<Scenario> result = ParseScenario(json);

        Assert.Equal(new QueryError("changes[0].severity", "required: an integer 1–5"), Assert.Single(result.Errors));
    }

    [Fact]
    public void AddedMeasureWithWholeSeverity_Loads()
    {
        string json = File.ReadAllText(Seed("scenario", "crash-severity-not-a-number.json")).Replace("\"severity\":true", "\"severity\":3", StringComparison.Ordinal);

        Scenario scenario = Assert.IsType<Scenario>(ParseScenario(json).Value);

        Assert.Equal(3, Assert.IsType<AddMeasure>(Assert.Single(scenario.Changes)).Measure.Severity);
    }

    // System.Text.Json parses a string escaping half of a surrogate pair, then throws InvalidOperationException when
    // it is read (GetString, a property's Name, and the duplicate-property check of JsonDocument.Parse itself).
    [Theory]
    [InlineData("""{ "id": "s", "name": "\ud800", "changes": [] }""", "not valid JSON: $.name escapes half of a UTF-16 surrogate pair")]
    [InlineData("""{ "id": "s", "name": "S", "changes": [{ "type": "close-place", "place": "aktau", "from": "\udfff\ud800" }] }""",
        "not valid JSON: $.changes[0].from escapes half of a UTF-16 surrogate pair")]
    [InlineData("""{ "id": "s", "\ud800": 1 }""", "not valid JSON: $: the name of property 2 escapes half of a UTF-16 surrogate pair")]
    public void ScenarioWithLoneSurrogate_IsNotValidJson(string json, string message)
    {
        QueryResult<Scenario> result = ParseScenario(json);

        Assert.Equal(new QueryError("definition", message), Assert.Single(result.Errors));
    }

    [Theory]
    [InlineData("""{ "coverage": { "from": "\ud800" } }""", "measures.json: malformed JSON: $.coverage.from escapes half of a UTF-16 surrogate pair")]
    [InlineData("""{ "\udfff": 1, "\udfff": 2 }""", "measures.json: malformed JSON: Cannot read invalid UTF-16 JSON text as string. Invalid surrogate value: '0xDFFF'.")]
    public void MeasuresWithLoneSurrogate_AreMalformedJson(string json, string problem)
    {
        DataLoadResult<SanctionsCatalog> result = MeasureLoader.Parse(json, "measures.json", fixture.Baseline.Network);

        Assert.False(result.IsValid);
        Assert.Equal(problem, Assert.Single(result.Problems).ToString());
    }

    [Theory]
    [InlineData("crash-lone-surrogate.geojson", "fuzzed.geojson: malformed JSON: $.features[0].id escapes half of a UTF-16 surrogate pair [malformed-json]")]
    [InlineData("crash-duplicate-surrogate-name.geojson", "fuzzed.geojson: malformed JSON: Cannot read incomplete UTF-16 JSON text as string with missing low surrogate. [malformed-json]")]
    public void NetworkFileWithLoneSurrogate_IsMalformedJson(string seed, string problem)
    {
        FuzzOutcome outcome = fixture.Harnesses[GeoJsonHarness.Name].Run(File.ReadAllBytes(Seed("geojson", seed)));

        Assert.Equal(FuzzVerdict.Rejected, outcome.Verdict);
        Assert.Contains(problem, outcome.Problems);
    }

    // A dwell was built, and its PERT distribution computed, before the validator saw its range: a typical value
    // outside [min, max] or an infinite max gave the Beta no shape and it threw ArgumentOutOfRangeException.
    [Fact]
    public void NetworkFileWithUnorderedDwell_IsRejectedByTheValidator()
    {
        FuzzOutcome outcome = fixture.Harnesses[GeoJsonHarness.Name].Run(File.ReadAllBytes(Seed("geojson", "crash-dwell-unordered.geojson")));

        Assert.Equal(FuzzVerdict.Rejected, outcome.Verdict);
        Assert.Contains("fuzzed.geojson: torugart: dwells[0]: range min 2 / typical -100 / max 72 hours must satisfy 0 < min <= typical <= max [range-not-ordered]", outcome.Problems);
        Assert.Contains(outcome.Problems, p => p.StartsWith("fuzzed.geojson: torugart: dwells[1]: range min 1 / typical 2 / max ", StringComparison.Ordinal)
                                               && p.EndsWith("[range-not-ordered]", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(2, -100, 72)]
    [InlineData(5, 4, 3)]
    [InlineData(1, 2, double.PositiveInfinity)]
    [InlineData(double.NaN, 2, 3)]
    public void DwellWithUnorderedHours_IsBuiltButHasNoDistribution(double min, double typical, double max)
    {
        var dwell = new Dwell(DwellKind.BorderCrossing, new RangeFigure(min, typical, max, new Provenance([], "test")));

        InvalidOperationException e = Assert.Throws<InvalidOperationException>(() => dwell.Distribution);
        Assert.Contains("not a finite ordered range", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DwellWithOrderedHours_HasItsPertDistribution()
    {
        var dwell = new Dwell(DwellKind.BorderCrossing, new RangeFigure(2, 24, 72, new Provenance([], "test")));

        // PERT on [2, 72] with mode 24 is skewed right: its median lies between the mode and the mean (2 + 4 * 24 + 72) / 6.
        Assert.Equal(2, dwell.Distribution.Min);
        Assert.Equal(72, dwell.Distribution.Max);
        Assert.InRange(dwell.Distribution.P50, 24.0, 170.0 / 6);
        Assert.True(dwell.Distribution.P10 < dwell.Distribution.P50 && dwell.Distribution.P50 < dwell.Distribution.P90);
    }

    [Fact]
    public void LoneSurrogateInUtf8_IsReplacedNotRejected()
    {
        // Raw bytes ED A0 80 (a surrogate encoded as UTF-8) are invalid UTF-8: reading the file replaces them with
        // U+FFFD, so the scenario loads with a replacement character in its name instead of failing.
        byte[] json = [.. "{ \"id\": \"s\", \"name\": \"a"u8, 0xED, 0xA0, 0x80, .. "\", \"changes\": [{ \"type\": \"close-place\", \"place\": \"aktau\" }] }"u8];

        FuzzOutcome outcome = fixture.Harnesses[ScenarioHarness.Name].Run(json);

        Assert.Equal(FuzzVerdict.Loaded, outcome.Verdict);
        Assert.Equal("a\uFFFD\uFFFD\uFFFD", ParseScenario(LoaderHarnesses.DecodeLikeFile(json)).Value!.Name);
    }

    private QueryResult<Scenario> ParseScenario(string json) => ScenarioJson.Parse(json, fixture.Baseline.Network, fixture.Baseline.Sanctions);

    private string Seed(string target, string name) => Path.Combine(fixture.Root, LoaderHarnesses.CorpusFolder(target), name);
}
