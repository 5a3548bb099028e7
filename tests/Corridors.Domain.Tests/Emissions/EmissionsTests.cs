using System.Text.Json.Nodes;
using Corridors.Domain.Emissions;
using Corridors.Domain.Network;
using Corridors.Domain.Risk;
using Corridors.Domain.Routing;
using Corridors.Domain.Tests.Risk;
using Corridors.Domain.Tests.Routing;
using Xunit.Abstractions;

namespace Corridors.Domain.Tests.Emissions;

public sealed class EmissionsTests(RealData data, ITestOutputHelper output) : IClassFixture<RealData>
{
    private const string File = "emission-factors.json";
    private static readonly string[] TonneKmModes = ["rail", "road", "ferry", "inland-waterway"];
    private static readonly CorridorNetwork Network = RiskTestData.Network();

    private static string ValidJson()
    {
        var factors = new JsonArray();
        foreach (string mode in TonneKmModes)
        {
            factors.Add(new JsonObject
            {
                ["mode"] = mode, ["value"] = 0.03, ["unit"] = "kg CO2e/tkm", ["basis"] = "ttw", ["year"] = "2020",
                ["standIn"] = true, ["sources"] = new JsonArray("T-1"),
            });
        }

        factors.Add(new JsonObject
        {
            ["mode"] = "sea", ["value"] = 0.08, ["unit"] = "kg CO2e/TEU-km", ["basis"] = "wtw", ["year"] = "2024",
            ["standIn"] = false, ["sources"] = new JsonArray("T-2"),
        });
        return new JsonObject
        {
            ["payload"] = new JsonObject { ["description"] = "one 40-foot container", ["teu"] = 2, ["cargoTonnes"] = 20, ["sources"] = new JsonArray("T-1") },
            ["factors"] = factors,
        }.ToJsonString();
    }

    private static EmissionFactorsLoadResult LoadEdited(Action<JsonObject> edit)
    {
        JsonObject root = JsonNode.Parse(ValidJson())!.AsObject();
        edit(root);
        return EmissionFactorsLoader.Parse(root.ToJsonString(), File, Network);
    }

    private static DataProblem Single(EmissionFactorsLoadResult result)
    {
        Assert.False(result.IsValid);
        Assert.True(result.Problems.Count == 1, string.Join("\n", result.Problems));
        return result.Problems[0];
    }

    [Fact]
    public void ShippedFactors_LoadWithTheDocumentedValues()
    {
        EmissionFactorsLoadResult result = EmissionFactorsLoader.Load(Path.Combine(data.NetworksDirectory, EmissionFactorsLoader.RelativePath), data.Network);

        Assert.True(result.IsValid, string.Join("\n", result.Problems));
        Assert.Equal(20, result.Factors.DefaultPayload.CargoTonnes, 1e-12);
        Assert.Equal(2, result.Factors.DefaultPayload.Teu, 1e-12);
        Assert.Equal(0.03159, result.Factors.For(TransportMode.Rail).Value, 1e-12);
        Assert.Equal(EmissionBasis.TankToWheel, result.Factors.For(TransportMode.Rail).Basis);
        Assert.Equal(0.098, result.Factors.For(TransportMode.Ferry).Value, 1e-12);
        Assert.False(result.Factors.For(TransportMode.Ferry).IsStandIn);
        Assert.Equal(EmissionUnit.KgCo2ePerTeuKm, result.Factors.For(TransportMode.Sea).Unit);
    }

    [Fact]
    public void RouteCo2e_IsFactorTimesPayloadTimesKm_PerLeg()
    {
        var factors = EmissionFactorsLoader.Parse(ValidJson(), File, Network).Factors!;
        var estimator = new Co2eEstimator(factors);
        CorridorRouter router = RouterFactory.Create(Network);
        Route route = router.FindBest(RouterFactory.Query("xian", "duisburg", Objective.ShortestDistance,
            new RouteConstraints { Corridor = new CorridorId("northern"), AsOf = RiskTestData.Mid2023 })).Value!.Route!;

        RouteEmissions emissions = estimator.Estimate(route);

        // 3500 + 2300 + 1100 + 1200 km of rail x 0.03 kg/tkm x 20 t = 4860 kg.
        Assert.Equal([2100, 1380, 660, 720], emissions.Legs.Select(l => Math.Round(l.Co2eKg, 9)));
        Assert.Equal(4860, emissions.TotalCo2eKg, 1e-9);
        Assert.Equal(4860, RouteCostSum.Of(router.Graph, route, estimator.CostFor(router.Graph)), 1e-9);
        Assert.Equal(2430, estimator.Estimate(route, factors.DefaultPayload.WithCargoTonnes(10)).TotalCo2eKg, 1e-9);
    }

    [Fact]
    public void PerTeuFactor_UsesTheContainersNotTheTonnes()
    {
        var factors = EmissionFactorsLoader.Parse(ValidJson(), File, Network).Factors!;

        Assert.Equal(0.16, factors.For(TransportMode.Sea).KgPerKm(factors.DefaultPayload), 1e-12);
        Assert.Equal(0.6, factors.For(TransportMode.Rail).KgPerKm(factors.DefaultPayload), 1e-12);
    }

    [Fact]
    public void RealData_NorthernRailEmitsMoreThanMaritimePerContainer_WithStandInsFlagged()
    {
        var estimator = new Co2eEstimator(EmissionFactorsLoader.Load(Path.Combine(data.NetworksDirectory, EmissionFactorsLoader.RelativePath), data.Network).Factors!);
        Dictionary<string, Route> routes = data.Compare("xian", "duisburg", new DateOnly(2023, 6, 1));

        RouteEmissions northern = estimator.Estimate(routes["northern"]);
        RouteEmissions maritime = estimator.Estimate(routes["maritime"]);
        foreach ((string corridor, Route route) in routes)
        {
            output.WriteLine($"{corridor}: {route.DistanceKm:F0} km, {estimator.Estimate(route).TotalCo2eKg:F0} kg CO2e");
        }

        Assert.Equal(routes["northern"].DistanceKm * 0.03159 * 20, northern.TotalCo2eKg, 1e-6); // all rail
        Assert.True(northern.UsesStandIns);
        Assert.InRange(northern.TotalCo2eKg, 5000, 8000);
        Assert.InRange(maritime.TotalCo2eKg, 2000, 6000);
    }

    [Fact]
    public void UnknownMode_IsNamed_AndTheMissingModeToo()
    {
        EmissionFactorsLoadResult result = LoadEdited(r => r["factors"]![1]!["mode"] = "air");

        Assert.Equal(
            [
                new DataProblem(File, "air", "mode", "unknown mode 'air'; known: rail, road, sea, ferry, inland-waterway"),
                new DataProblem(File, "road", null, "no emission factor for mode 'road'; every mode needs one"),
            ],
            result.Problems);
    }

    [Fact]
    public void UnknownUnit_IsNamed()
    {
        DataProblem p = Single(LoadEdited(r => r["factors"]![0]!["unit"] = "g CO2/tkm"));

        Assert.Equal(new DataProblem(File, "rail", "unit", "unknown unit 'g CO2/tkm'; known: kg CO2e/tkm, kg CO2e/TEU-km"), p);
    }

    [Fact]
    public void UnknownBasis_IsNamed()
    {
        DataProblem p = Single(LoadEdited(r => r["factors"]![0]!["basis"] = "lca"));

        Assert.Equal(new DataProblem(File, "rail", "basis", "unknown basis 'lca'; known: wtw, ttw"), p);
    }

    [Fact]
    public void NonPositiveValue_IsNamed()
    {
        DataProblem p = Single(LoadEdited(r => r["factors"]![0]!["value"] = -0.1));

        Assert.Equal(new DataProblem(File, "rail", "value", "value -0.1 is not a finite number above zero"), p);
    }

    [Fact]
    public void DuplicateMode_IsNamed()
    {
        EmissionFactorsLoadResult result = LoadEdited(r => r["factors"]![1]!["mode"] = "rail");

        // The second rail record is refused and road then has no factor: both reported.
        Assert.Equal(
            [
                new DataProblem(File, "rail", "mode", "mode 'rail' has more than one factor"),
                new DataProblem(File, "road", null, "no emission factor for mode 'road'; every mode needs one"),
            ],
            result.Problems);
    }

    [Fact]
    public void UnknownSourceAndBadPayload_AreNamed()
    {
        EmissionFactorsLoadResult result = LoadEdited(r =>
        {
            r["factors"]![4]!["sources"] = new JsonArray("EF-99");
            r["payload"]!["teu"] = 0;
        });

        Assert.Equal(
            [
                new DataProblem(File, "payload", "teu", "teu 0 is not a finite number above zero"),
                new DataProblem(File, "sea", "sources[0]", "unknown source id 'EF-99' (not in sources.csv)"),
            ],
            result.Problems);
    }

    [Fact]
    public void MalformedFile_IsOneProblem()
    {
        EmissionFactorsLoadResult result = EmissionFactorsLoader.Parse("[1, 2", File, Network);

        Assert.False(result.IsValid);
        Assert.Single(result.Problems);
        Assert.StartsWith("malformed JSON at line 1", result.Problems[0].Message, StringComparison.Ordinal);
    }
}
