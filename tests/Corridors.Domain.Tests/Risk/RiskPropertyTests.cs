using Corridors.Domain.Network;
using Corridors.Domain.Risk;
using Corridors.Domain.Routing;
using Corridors.Domain.Tests.Routing;

namespace Corridors.Domain.Tests.Risk;

/// <summary>
/// Seeded property tests on random networks (<see cref="TestNetworks.Random"/>, countries AA–DD) with random
/// catalogs. Properties hold for a fixed shipment (origin and destination), so prefix routes are assessed with the
/// full route's origin, and the random measures use origin-only directions.
/// </summary>
public sealed class RiskPropertyTests
{
    private static readonly DateOnly AsOf = new(2023, 6, 1);
    private static readonly string[] Countries = ["AA", "BB", "CC", "DD"];

    public static TheoryData<int> Seeds() => [.. Enumerable.Range(1, 25)];

    private static SanctionsCatalog RandomCatalog(Random random, int count, Func<int, Measure>? extra = null)
    {
        var measures = new List<Measure>();
        for (int i = 0; i < count; i++)
        {
            measures.Add(RiskTestData.Measure(
                $"M{i:D2}",
                new CountryTarget(Countries[random.Next(Countries.Length)]),
                random.Next(1, 6),
                regime: random.Next(3) == 0 ? Regime.US : Regime.EU,
                kind: random.Next(5) == 0 ? MeasureKind.SecondarySanctions : MeasureKind.Sectoral,
                cargo: random.Next(2) == 0 ? null : [CargoClass.General],
                direction: random.Next(3) == 0 ? TradeDirection.FromTarget : TradeDirection.Any,
                from: new DateOnly(2014 + random.Next(8), 1, 1),
                modes: random.Next(2) == 0 ? null : [TransportMode.Rail, TransportMode.Sea]));
        }

        return new SanctionsCatalog(RiskTestData.Coverage, RiskTestData.Regimes, [], measures);
    }

    private static (CorridorRouter Router, List<int> Edges) RandomRoute(int seed)
    {
        CorridorRouter router = RouterFactory.Create(TestNetworks.Random(seed));
        Route route = router.FindBest(RouterFactory.Query("p00", "p29", Objective.ShortestDistance, new RouteConstraints { AsOf = AsOf })).Value!.Route!;
        var edges = route.Legs.Select(l =>
        {
            Assert.True(router.Graph.TryGetLinkIndex(l.Link.Id, out int link));
            return router.Graph.EdgeOfLink(link, l.Forward);
        }).ToList();
        return (router, edges);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void AddingASegment_NeverLowersTheScore(int seed)
    {
        (CorridorRouter router, List<int> edges) = RandomRoute(seed);
        var assessor = new SanctionRiskAssessor(RandomCatalog(new Random(seed), 12));
        var perspective = new Perspective([Regime.EU], CargoClass.General, AsOf);
        IRouteCost cost = assessor.CostFor(router.Graph, perspective, new PlaceId("p00"), new PlaceId("p29"));

        // Scored with the full shipment's ends: the route cost of each prefix, transitions included.
        double previous = -1;
        for (int k = 1; k <= edges.Count; k++)
        {
            Route prefix = router.BuildRoute(edges.Take(k).ToList());
            double points = RouteCostSum.Of(router.Graph, prefix, cost);
            double score = SanctionRiskAssessor.ScoreOf(points);
            Assert.True(score >= previous, $"seed {seed}: prefix {k} scores {score} < {previous}");
            previous = score;
        }

        Route full = router.BuildRoute(edges);
        Assert.Equal(assessor.Assess(full, perspective).Score, previous, 1e-9);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void MeasuresOutsideTheirDatesOrRegimes_HaveNoEffect(int seed)
    {
        (CorridorRouter router, List<int> edges) = RandomRoute(seed);
        Route route = router.BuildRoute(edges);
        var perspective = new Perspective([Regime.EU], CargoClass.General, AsOf);
        var random = new Random(seed);
        SanctionsCatalog baseline = RandomCatalog(new Random(seed), 12);
        Measure[] inert =
        [
            RiskTestData.Measure("X-FUTURE", new CountryTarget("AA"), 5, from: AsOf.AddDays(1 + random.Next(300))),
            RiskTestData.Measure("X-ENDED", new CountryTarget("BB"), 5, from: new DateOnly(2015, 1, 1), to: AsOf),
            RiskTestData.Measure("X-US", new CountryTarget("CC"), 5, regime: Regime.US),
            RiskTestData.Measure("X-SECONDARY-EU", new CountryTarget("DD"), 5, kind: MeasureKind.SecondarySanctions),
        ];
        var widened = new SanctionsCatalog(baseline.Coverage, baseline.Regimes, [], [.. baseline.Measures, .. inert]);

        RouteRisk before = new SanctionRiskAssessor(baseline).Assess(route, perspective);
        RouteRisk after = new SanctionRiskAssessor(widened).Assess(route, perspective);

        Assert.Equal(before.ExposurePoints, after.ExposurePoints, 1e-12);
        Assert.Equal(before.Exposures.Select(e => e.Measure.Id), after.Exposures.Select(e => e.Measure.Id));
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Assessment_IsDeterministic_WhateverTheOrderOfTheMeasures(int seed)
    {
        (CorridorRouter router, List<int> edges) = RandomRoute(seed);
        Route route = router.BuildRoute(edges);
        var perspective = new Perspective([Regime.EU, Regime.US], CargoClass.General, AsOf);
        SanctionsCatalog catalog = RandomCatalog(new Random(seed), 12);
        var reversed = new SanctionsCatalog(catalog.Coverage, catalog.Regimes, [], catalog.Measures.Reverse());

        RouteRisk first = new SanctionRiskAssessor(catalog).Assess(route, perspective);
        RouteRisk second = new SanctionRiskAssessor(catalog).Assess(route, perspective);
        RouteRisk third = new SanctionRiskAssessor(reversed).Assess(route, perspective);

        Assert.Equal(first.Score, second.Score);
        Assert.Equal(first.Score, third.Score);
        Assert.Equal(first.Exposures.Select(e => (e.Measure.Id, e.Points)), third.Exposures.Select(e => (e.Measure.Id, e.Points)));
    }
}
