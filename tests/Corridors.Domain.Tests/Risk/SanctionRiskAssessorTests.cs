using Corridors.Domain.Network;
using Corridors.Domain.Risk;
using Corridors.Domain.Routing;
using Corridors.Domain.Tests.Routing;

namespace Corridors.Domain.Tests.Risk;

/// <summary>Scores on <see cref="RiskTestData"/>, checked by hand (the same arithmetic as the README's worked example).</summary>
public sealed class SanctionRiskAssessorTests
{
    private const double Tolerance = 1e-9;
    private static readonly CorridorNetwork Network = RiskTestData.Network();
    private static readonly CorridorRouter Router = RouterFactory.Create(Network);

    private static Route Northern(string from = "xian", string to = "duisburg") =>
        Router.FindBest(RouterFactory.Query(from, to, constraints: new RouteConstraints { Corridor = new CorridorId("northern"), AsOf = RiskTestData.Mid2023 }))
            .Value!.Route!;

    private static Route Middle() =>
        Router.FindBest(RouterFactory.Query("xian", "duisburg", constraints: new RouteConstraints { Corridor = new CorridorId("middle"), AsOf = RiskTestData.Mid2023 }))
            .Value!.Route!;

    [Fact]
    public void EuGeneralNorthern_AddsUpByHand_AndIsElevated()
    {
        var assessor = new SanctionRiskAssessor(RiskTestData.Catalog());

        RouteRisk risk = assessor.Assess(Northern(), RiskTestData.Perspective("EU", "general", RiskTestData.Mid2023));

        // RU km: astana-moscow 2300 (RU only) + moscow-brest 1100 / 2 = 2850 km.
        // SECT 2^(2-1) x 2.850 = 5.7; RZD 2^(3-1) x 2.300 = 9.2; PORT 2^0 x 100 km / 1000 = 0.1;
        // SECONDARY (US secondary sanctions reach a shipper the US does not bind) 2^0 x 2.850 = 2.85.
        // USONLY (US primary), TRANSIT (dual-use only) and OLD (ended 2020) do not apply.
        Assert.Equal(["PORT", "RZD", "SECONDARY", "SECT"], risk.Exposures.Select(e => e.Measure.Id));
        Assert.Equal(5.7, risk.Exposures.Single(e => e.Measure.Id == "SECT").Points, Tolerance);
        Assert.Equal(2850, risk.Exposures.Single(e => e.Measure.Id == "SECT").DistanceKm, Tolerance);
        Assert.Equal(["astana-moscow", "moscow-brest"], risk.Exposures.Single(e => e.Measure.Id == "SECT").Links.Select(l => l.Value));
        Assert.Equal(["moscow"], risk.Exposures.Single(e => e.Measure.Id == "SECT").Places.Select(p => p.Value));
        Assert.Equal(9.2, risk.Exposures.Single(e => e.Measure.Id == "RZD").Points, Tolerance);
        Assert.Equal(0.1, risk.Exposures.Single(e => e.Measure.Id == "PORT").Points, Tolerance);
        Assert.Equal(17.85, risk.ExposurePoints, Tolerance);
        Assert.Equal(100 * (1 - Math.Exp(-17.85 / 25)), risk.Score, Tolerance); // 51.03
        Assert.Equal(RiskLevel.High, risk.Level);
        Assert.Equal(RiskVerdict.Allowed, risk.Verdict);
        Assert.Empty(risk.ProhibitingMeasureIds);
    }

    [Fact]
    public void UsShipper_GetsUsPrimaryMeasures_NotUsSecondaryOnes_NorEuOnes()
    {
        var assessor = new SanctionRiskAssessor(RiskTestData.Catalog());

        RouteRisk risk = assessor.Assess(Northern(), RiskTestData.Perspective("US", "general", RiskTestData.Mid2023));

        Assert.Equal(["USONLY"], risk.Exposures.Select(e => e.Measure.Id));
        Assert.Equal(8 * 2.850, risk.ExposurePoints, Tolerance);
    }

    [Fact]
    public void ShipperBoundByNone_OnlySecondarySanctionsApply()
    {
        var assessor = new SanctionRiskAssessor(RiskTestData.Catalog());

        RouteRisk risk = assessor.Assess(Northern(), RiskTestData.Perspective("none", "general", RiskTestData.Mid2023));

        Assert.Equal(["SECONDARY"], risk.Exposures.Select(e => e.Measure.Id));
        Assert.Equal(2.85, risk.ExposurePoints, Tolerance);
        Assert.Equal(RiskLevel.Low, risk.Level);
    }

    [Fact]
    public void EuDualUseFromDuisburg_IsProhibitedByTheTransitBan_AndFromXianItIsNot()
    {
        var assessor = new SanctionRiskAssessor(RiskTestData.Catalog());
        Perspective dualUse = RiskTestData.Perspective("EU", "dual-use", RiskTestData.Mid2023);

        RouteRisk eastbound = assessor.Assess(Northern("duisburg", "xian"), dualUse);
        RouteRisk westbound = assessor.Assess(Northern(), dualUse);

        Assert.Equal(RiskVerdict.Prohibited, eastbound.Verdict);
        Assert.Equal(["TRANSIT"], eastbound.ProhibitingMeasureIds);
        Assert.Equal(17.85 + 16 * 2.850, eastbound.ExposurePoints, Tolerance);
        Assert.Equal(RiskLevel.Severe, eastbound.Level);
        Assert.Equal(RiskVerdict.Allowed, westbound.Verdict);
    }

    [Fact]
    public void TransitBan_BeforeItsEffectiveDate_HasNoEffect()
    {
        var assessor = new SanctionRiskAssessor(RiskTestData.Catalog());

        RouteRisk risk = assessor.Assess(Northern("duisburg", "xian"), RiskTestData.Perspective("EU", "dual-use", new DateOnly(2023, 2, 24)));

        Assert.Equal(RiskVerdict.Allowed, risk.Verdict);
        Assert.Equal(17.85, risk.ExposurePoints, Tolerance);
    }

    [Fact]
    public void MiddleRoute_TouchesNoMeasure_ScoresZero()
    {
        var assessor = new SanctionRiskAssessor(RiskTestData.Catalog());

        RouteRisk risk = assessor.Assess(Middle(), RiskTestData.Perspective("EU", "dual-use", RiskTestData.Mid2023));

        Assert.Empty(risk.Exposures);
        Assert.Equal(0, risk.Score, Tolerance);
        Assert.Equal(RiskLevel.Low, risk.Level);
    }

    [Fact]
    public void LowestRiskCost_SumsToTheAssessedPoints_AndMiddleCostsNothing()
    {
        var assessor = new SanctionRiskAssessor(RiskTestData.Catalog());
        Perspective perspective = RiskTestData.Perspective("EU", "general", RiskTestData.Mid2023);
        IRouteCost cost = assessor.CostFor(Router.Graph, perspective, new PlaceId("xian"), new PlaceId("duisburg"));

        Assert.Equal(17.85, RouteCostSum.Of(Router.Graph, Northern(), cost), Tolerance);
        Assert.Equal(0, RouteCostSum.Of(Router.Graph, Middle(), cost), Tolerance);
        Assert.Equal(0.1, cost.TransitionCost(DwellRules.NoEdge, Router.Graph.NodeOf(new PlaceId("moscow")), DwellRules.NoEdge), Tolerance);
    }

    [Fact]
    public void AllowedOnlyCost_MakesProhibitedLinksInfinite_OthersFinite()
    {
        var assessor = new SanctionRiskAssessor(RiskTestData.Catalog());
        Perspective dualUse = RiskTestData.Perspective("EU", "dual-use", RiskTestData.Mid2023);
        RoutingGraph graph = Router.Graph;

        IRouteCost forbidden = assessor.CostFor(graph, dualUse, new PlaceId("duisburg"), new PlaceId("xian"), ProhibitedEdges.Forbidden);
        IRouteCost scored = assessor.CostFor(graph, dualUse, new PlaceId("duisburg"), new PlaceId("xian"));

        Assert.True(graph.TryGetLinkIndex(new LinkId("astana-moscow"), out int ru));
        Assert.True(graph.TryGetLinkIndex(new LinkId("brest-duisburg"), out int by));
        Assert.Equal(double.PositiveInfinity, forbidden.EdgeCost(graph.EdgeOfLink(ru, forward: true)));
        Assert.Equal((2 + 4 + 16 + 1) * 2.3, scored.EdgeCost(graph.EdgeOfLink(ru, forward: true)), Tolerance);
        Assert.Equal(0, forbidden.EdgeCost(graph.EdgeOfLink(by, forward: false)), Tolerance); // BY: no measure in the test catalog
    }

    [Fact]
    public void AsOfBeforeTheData_IsRefusedByTheAssessor()
    {
        var assessor = new SanctionRiskAssessor(RiskTestData.Catalog());
        var perspective = new Perspective([Regime.EU], CargoClass.General, new DateOnly(2013, 12, 31));

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => assessor.Assess(Northern(), perspective));
        Assert.StartsWith("The measures are collected from 2014-01-01", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, 0, RiskLevel.Low)]
    [InlineData(7.19, 24.99, RiskLevel.Low)]
    [InlineData(7.1921, 25.0, RiskLevel.Elevated)]
    [InlineData(17.3287, 50.0, RiskLevel.High)]
    [InlineData(34.6574, 75.0, RiskLevel.Severe)]
    public void ScoreAndLevel_FollowTheDocumentedFormulaAndThresholds(double points, double expectedScore, RiskLevel level)
    {
        double score = SanctionRiskAssessor.ScoreOf(points);

        Assert.Equal(expectedScore, score, 0.01);
        Assert.Equal(level, SanctionRiskAssessor.LevelOf(Math.Round(score, 2)));
    }
}
