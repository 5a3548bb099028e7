using Corridors.Domain.Risk;
using Corridors.Domain.Routing;
using Xunit.Abstractions;

namespace Corridors.Domain.Tests.Risk;

/// <summary>The behaviours issue 4 requires on the shipped data (origin Xi'an, destination Duisburg unless said).</summary>
public sealed class RealDataRiskTests(RealData data, ITestOutputHelper output) : IClassFixture<RealData>
{
    private static readonly DateOnly Before2022 = new(2021, 6, 1);
    private static readonly DateOnly Mid2022 = new(2022, 6, 1);
    private static readonly DateOnly Mid2023 = new(2023, 6, 1);

    [Fact]
    public void EuShipperGeneralCargo_NorthernIn2023_ScoresAboveNorthernIn2021AndAboveMiddleAndMaritime()
    {
        Dictionary<string, Route> routes2023 = data.Compare("xian", "duisburg", Mid2023);
        Dictionary<string, Route> routes2021 = data.Compare("xian", "duisburg", Before2022);
        RouteRisk northern2023 = data.Assessor.Assess(routes2023["northern"], RealData.Perspective("EU", "general", Mid2023));
        RouteRisk northern2021 = data.Assessor.Assess(routes2021["northern"], RealData.Perspective("EU", "general", Before2022));
        RouteRisk middle2023 = data.Assessor.Assess(routes2023["middle"], RealData.Perspective("EU", "general", Mid2023));
        RouteRisk maritime2023 = data.Assessor.Assess(routes2023["maritime"], RealData.Perspective("EU", "general", Mid2023));
        Report("northern 2023", northern2023);
        Report("northern 2021", northern2021);
        Report("middle 2023", middle2023);
        Report("maritime 2023", maritime2023);

        Assert.True(northern2023.Score > northern2021.Score, $"{northern2023.Score} vs {northern2021.Score}");
        Assert.True(northern2023.Score > middle2023.Score, $"{northern2023.Score} vs {middle2023.Score}");
        Assert.True(northern2023.Score > maritime2023.Score, $"{northern2023.Score} vs {maritime2023.Score}");
        Assert.Equal(RiskVerdict.Allowed, northern2023.Verdict);

        // 2021: only the 2014 country-wide measures on Russia (Belarus' 2021 measures start 2021-06-25).
        Assert.Equal(["EU-RU-SECTORAL-2014"], northern2021.Exposures.Select(e => e.Measure.Id));
        Assert.Equal(
            ["EU-BY-SECTORAL-2021", "EU-RU-SECTORAL-2014", "EU-RU-SECTORAL-2022", "EU-RZD-FINANCING-2022"],
            northern2023.Exposures.Select(e => e.Measure.Id));
    }

    /// <summary>The assessor keeps the applicable measures per shipment: alternating dates and regimes, each keeps its own.</summary>
    [Fact]
    public void ApplicableMeasures_AskedAlternately_AreEachShipmentsOwn()
    {
        Domain.Network.Place xian = data.Network.Places.Single(p => p.Id.Value == "xian");
        Domain.Network.Place duisburg = data.Network.Places.Single(p => p.Id.Value == "duisburg");
        string[] Ids(Perspective p) => [.. data.Assessor.ApplicableMeasures(p, xian, duisburg).Select(m => m.Id)];

        string[] before = Ids(RealData.Perspective("EU", "general", Before2022));
        string[] after = Ids(RealData.Perspective("EU", "general", Mid2023));
        string[] none = Ids(RealData.Perspective("none", "general", Mid2023));

        Assert.Equal(before, Ids(RealData.Perspective("EU", "general", Before2022)));
        Assert.Equal(after, Ids(RealData.Perspective("EU", "general", Mid2023)));
        Assert.Equal(["EU-RU-SECTORAL-2014"], before.Where(id => id.StartsWith("EU-RU", StringComparison.Ordinal)));
        Assert.Contains("EU-RU-SECTORAL-2022", after);
        Assert.DoesNotContain(none, id => id.StartsWith("EU-", StringComparison.Ordinal));
        Assert.Equal(new Perspective([Regime.US, Regime.EU], CargoClass.General, Mid2023).GetHashCode(), new Perspective([Regime.EU, Regime.US], CargoClass.General, Mid2023).GetHashCode());
    }

    [Fact]
    public void EuShipperDualUse_DuisburgToXian_NorthernProhibitedIn2023ByTheTransitBan_NotIn2022()
    {
        Route northern2023 = data.Compare("duisburg", "xian", Mid2023)["northern"];
        Route northern2022 = data.Compare("duisburg", "xian", Mid2022)["northern"];

        RouteRisk risk2023 = data.Assessor.Assess(northern2023, RealData.Perspective("EU", "dual-use", Mid2023));
        RouteRisk risk2022 = data.Assessor.Assess(northern2022, RealData.Perspective("EU", "dual-use", Mid2022));
        Report("northern dual-use 2023 westbound-origin", risk2023);
        Report("northern dual-use 2022", risk2022);

        Assert.Equal(RiskVerdict.Prohibited, risk2023.Verdict);
        Assert.Contains("EU-RU-TRANSIT-DUALUSE-2023", risk2023.ProhibitingMeasureIds);
        Assert.DoesNotContain("EU-RU-TRANSIT-DUALUSE-2023", risk2022.ProhibitingMeasureIds);
        Assert.DoesNotContain(risk2022.Exposures, e => e.Measure.Id == "EU-RU-TRANSIT-DUALUSE-2023");
    }

    [Fact]
    public void EuShipperDualUse_XianToDuisburg_NotProhibitedByTheTransitBan_BecauseTheCargoIsNotAnEuExport()
    {
        Route northern = data.Compare("xian", "duisburg", Mid2023)["northern"];

        RouteRisk risk = data.Assessor.Assess(northern, RealData.Perspective("EU", "dual-use", Mid2023));

        Assert.DoesNotContain("EU-RU-TRANSIT-DUALUSE-2023", risk.ProhibitingMeasureIds);
    }

    [Fact]
    public void RouteCostSum_EqualsTheAssessedExposurePoints_OnEveryCorridor()
    {
        Perspective perspective = RealData.Perspective("EU", "general", Mid2023);
        IRouteCost cost = data.Assessor.CostFor(data.Router.Graph, perspective, new("xian"), new("duisburg"));
        foreach ((string corridor, Route route) in data.Compare("xian", "duisburg", Mid2023))
        {
            RouteRisk risk = data.Assessor.Assess(route, perspective);
            Assert.Equal(risk.ExposurePoints, RouteCostSum.Of(data.Router.Graph, route, cost), 1e-9);
            output.WriteLine($"{corridor}: {risk.ExposurePoints:F3} points");
        }
    }

    private void Report(string label, RouteRisk risk)
    {
        output.WriteLine($"{label}: score {risk.Score:F1} ({risk.Level}, {risk.Verdict}) points {risk.ExposurePoints:F3}");
        foreach (MeasureExposure e in risk.Exposures)
        {
            output.WriteLine($"  {e.Measure.Id}: {e.DistanceKm:F1} km, {e.Days:F2} d, {e.Points:F3} pts, links {string.Join(",", e.Links)}");
        }
    }
}
