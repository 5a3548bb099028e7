using Corridors.Domain.Risk;
using Corridors.Domain.Routing;
using Corridors.Domain.Scenarios;

namespace Corridors.Domain.Tests.Routing;

/// <summary>A cost read from a table equals the cost it was built from, bit for bit, on every edge and transition.</summary>
public sealed class TransitionCostTableTests
{
    private static readonly Lazy<CorridorRouter> Real = new(RouterFactory.Real);

    public static TheoryData<string?> Overlays() => [null, "caspian-ferry-congestion", "cku-open", "poland-belarus-border-closed", "red-sea-closed"];

    [Theory]
    [MemberData(nameof(Overlays))]
    public void FastestTable_OfEveryShippedOverlay_EqualsTransitTimeCost(string? scenarioId)
    {
        CorridorRouter router = Real.Value;
        ScenarioOverlay overlay = scenarioId is null
            ? router.Baseline
            : ScenarioOverlay.Compile(router.Dataset.Scenarios.Single(s => s.Id == scenarioId), 1, router.Graph, router.Dataset.Sanctions);

        AssertSameCost(router.Graph, new TransitTimeCost(router.Graph, overlay), overlay.FastestCost);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void FastestTable_OnRandomNetworks_EqualsTransitTimeCost(int seed)
    {
        CorridorRouter router = RouterFactory.Create(TestNetworks.Random(seed));

        AssertSameCost(router.Graph, new TransitTimeCost(router.Graph, router.Baseline), router.Baseline.FastestCost);
    }

    [Fact]
    public void TableOfTheSanctionCost_EqualsIt_PlacesIncluded()
    {
        CorridorRouter router = Real.Value;
        var perspective = new Perspective([Regime.EU], CargoClass.DualUse, RouterFactory.Today);
        IRouteCost sanctions = router.Risk.CostFor(router.Graph, perspective, new("xian"), new("duisburg"));

        AssertSameCost(router.Graph, sanctions, TransitionCostTable.Of(router.Graph, sanctions));
    }

    private static void AssertSameCost(RoutingGraph graph, IRouteCost expected, TransitionCostTable actual)
    {
        for (int n = 0; n < graph.NodeCount; n++)
        {
            Assert.Equal(expected.TransitionCost(DwellRules.NoEdge, n, DwellRules.NoEdge), actual.TransitionCost(DwellRules.NoEdge, n, DwellRules.NoEdge));
        }

        int transitions = 0;
        for (int e = 0; e < graph.EdgeCount; e++)
        {
            int head = graph.EdgeTo(e);
            Assert.Equal(expected.EdgeCost(e), actual.EdgeCost(e));
            Assert.Equal(expected.TransitionCost(DwellRules.NoEdge, graph.EdgeFrom(e), e), actual.TransitionCost(DwellRules.NoEdge, graph.EdgeFrom(e), e));
            Assert.Equal(expected.TransitionCost(e, head, DwellRules.NoEdge), actual.TransitionCost(e, head, DwellRules.NoEdge));
            for (int f = graph.FirstEdge(head); f < graph.EndEdge(head); f++)
            {
                Assert.Equal(expected.TransitionCost(e, head, f), actual.TransitionCost(e, head, f));
                transitions++;
            }
        }

        Assert.Equal(graph.TransitionCount, transitions);
    }
}
