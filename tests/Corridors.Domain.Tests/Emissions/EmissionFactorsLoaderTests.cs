using System.Text.Json.Nodes;
using Corridors.Domain.Emissions;
using Corridors.Domain.Risk;
using Corridors.Domain.Tests.Risk;

namespace Corridors.Domain.Tests.Emissions;

/// <summary>A factor without a source, a unit or a basis (or with one that does not fit) fails, named.</summary>
public sealed class EmissionFactorsLoaderTests(RealData data) : IClassFixture<RealData>
{
    private const string File = "emission-factors.json";

    private DataLoadResult<EmissionFactorSet> LoadEdited(Action<JsonObject> edit)
    {
        JsonObject root = JsonNode.Parse(System.IO.File.ReadAllText(Path.Combine(data.NetworksDirectory, File)))!.AsObject();
        edit(root);
        return EmissionFactorsLoader.Parse(root.ToJsonString(), File, data.Network);
    }

    private static JsonObject Factor(JsonObject root, string id) =>
        root["factors"]!.AsArray().Select(f => f!.AsObject()).Single(f => (string?)f["id"] == id);

    private static void AssertProblems(DataLoadResult<EmissionFactorSet> result, params DataProblem[] expected)
    {
        Assert.False(result.IsValid);
        Assert.Equal(expected, result.Problems);
    }

    [Fact]
    public void ShippedFile_Loads()
    {
        DataLoadResult<EmissionFactorSet> result = LoadEdited(_ => { });

        Assert.True(result.IsValid, string.Join("\n", result.Problems));
        Assert.Equal(Enum.GetValues<FactorUse>().Length, result.Value.Factors.Count);
    }

    [Fact]
    public void FactorWithoutSources_IsNamed() =>
        AssertProblems(LoadEdited(r => Factor(r, "rail-diesel").Remove("sources")),
            new DataProblem(File, "rail-diesel", "sources", "required property 'sources' is missing"));

    [Fact]
    public void FactorWithEmptySources_IsNamed() =>
        AssertProblems(LoadEdited(r => Factor(r, "sea-feeder")["sources"] = new JsonArray()),
            new DataProblem(File, "sea-feeder", "sources", "at least one source id is required"));

    [Fact]
    public void FactorWithoutUnit_IsNamed() =>
        AssertProblems(LoadEdited(r => Factor(r, "ferry-rail").Remove("unit")),
            new DataProblem(File, "ferry-rail", "unit", "required property 'unit' is missing"));

    [Fact]
    public void FactorWithoutBasis_IsNamed() =>
        AssertProblems(LoadEdited(r => Factor(r, "hub-gauge-change").Remove("basis")),
            new DataProblem(File, "hub-gauge-change", "basis", "required property 'basis' is missing"));

    [Fact]
    public void UnitThatDoesNotFitTheUse_IsNamed() =>
        AssertProblems(LoadEdited(r => Factor(r, "sea-asia-north-europe")["unit"] = "kg CO2e/tkm"),
            new DataProblem(File, "sea-asia-north-europe", "unit", "unit 'kg CO2e/tkm' does not fit factor 'sea-asia-north-europe'; it takes 'kg CO2e/TEU-km'"));

    [Fact]
    public void BasisThatDoesNotFitTheUse_IsNamed() =>
        AssertProblems(LoadEdited(r => Factor(r, "rail-electric")["basis"] = "wtw-ttw"),
            new DataProblem(File, "rail-electric", "basis", "basis 'wtw-ttw' does not fit factor 'rail-electric'; it takes 'energy'"));

    [Fact]
    public void TtwAboveWtw_IsNamed() =>
        AssertProblems(LoadEdited(r => Factor(r, "road-truck-feu")["ttw"] = 2.0),
            new DataProblem(File, "road-truck-feu", "ttw", "ttw 2 must be finite, at least 0 and at most wtw"));

    [Fact]
    public void MissingUse_IsNamed() =>
        AssertProblems(LoadEdited(r => r["factors"]!.AsArray().Remove(Factor(r, "hub-port-handling"))),
            new DataProblem(File, "hub-port-handling", null, "no emission factor 'hub-port-handling'; every use needs one"));

    [Fact]
    public void GridWithoutSourcesOrWithAnotherBasis_IsNamed() =>
        AssertProblems(LoadEdited(r =>
            {
                r["grid"]!.AsObject().Remove("sources");
                r["grid"]!["basis"] = "direct";
            }),
            new DataProblem(File, "grid", "basis", "unknown basis 'direct'; the grid takes 'lifecycle' (per kWh generated, used as WTW)"),
            new DataProblem(File, "grid", "sources", "required property 'sources' is missing"));

    [Fact]
    public void GridValueNotPositive_IsNamed() =>
        AssertProblems(LoadEdited(r => r["grid"]!["series"]!["CN"]!["2024"] = 0),
            new DataProblem(File, "grid", "series.CN.2024", "expected a year (yyyy) with a finite intensity above zero, found '2024': number 0"));

    [Fact]
    public void CapeUpliftBelowOne_IsNamed() =>
        AssertProblems(LoadEdited(r => r["capeSpeedUplift"]!["value"] = 0.9),
            new DataProblem(File, "capeSpeedUplift", "value", "value 0.9 must be a finite multiplier of at least 1"));

    [Fact]
    public void UnknownSource_IsNamed() =>
        AssertProblems(LoadEdited(r => Factor(r, "rail-diesel")["sources"] = new JsonArray("NO-SUCH")),
            new DataProblem(File, "rail-diesel", "sources[0]", "unknown source id 'NO-SUCH' (not in sources.csv)"));
}
