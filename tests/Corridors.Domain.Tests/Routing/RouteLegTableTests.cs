using Corridors.Domain.Network;
using Corridors.Domain.Routing;
using Corridors.Domain.Scenarios;

namespace Corridors.Domain.Tests.Routing;

/// <summary>Legs are shared between routes that travel an edge the same way, and only then.</summary>
public sealed class RouteLegTableTests
{
    private static readonly Lazy<CorridorRouter> Real = new(RouterFactory.Real);

    /// <summary>east → border (gauge break) → port (port handling, ferry wait) → west by ferry; port dwells at both ends of the ferry.</summary>
    private static CorridorRouter Router() => RouterFactory.Create(new TestNetworks()
        .Place("east", "CN", 80, 45)
        .Place("border", "KZ", 81, 45, PlaceKind.BorderCrossing, TestNetworks.Dwell(DwellKind.GaugeBreak, 2, 4, 6))
        .Place("port", "KZ", 83.5, 45, PlaceKind.FerryTerminal,
            TestNetworks.Dwell(DwellKind.PortHandling, 10, 20, 30), TestNetworks.Dwell(DwellKind.FerryWait, 24, 48, 72))
        .Place("west", "AZ", 87.5, 45, PlaceKind.FerryTerminal, TestNetworks.Dwell(DwellKind.PortHandling, 10, 20, 30))
        .Link("east", "border", 100, gaugeMm: 1435, countries: ["CN", "KZ"])
        .Link("border", "port", 200, gaugeMm: 1520)
        .Link("port", "west", 330, TransportMode.Ferry, countries: ["KZ", "AZ"])
        .Build());

    [Fact]
    public void TheSameEdgeAfterTheSameEdge_IsOneLegInstance_InEveryRoute()
    {
        CorridorRouter router = Router();

        Route first = router.FindBest(RouterFactory.Query("east", "west")).Value!.Route!;
        Route second = router.FindBest(RouterFactory.Query("east", "west")).Value!.Route!;

        Assert.Equal(3, first.Legs.Count);
        Assert.All(first.Legs.Zip(second.Legs), pair => Assert.Same(pair.First, pair.Second));
    }

    [Fact]
    public void AnEdgeAsLastLeg_IsItsOwnLeg_CarryingTheDestinationsDwells()
    {
        CorridorRouter router = Router();

        Route toPort = router.FindBest(RouterFactory.Query("east", "port")).Value!.Route!;
        Route toWest = router.FindBest(RouterFactory.Query("east", "west")).Value!.Route!;

        // border → port after east → border: the gauge break at the border, whether last (to port) or not (to west).
        RouteLeg lastToPort = toPort.Legs[^1];
        RouteLeg middleToWest = toWest.Legs[1];
        Assert.NotSame(lastToPort, middleToWest);
        Assert.Equal([(DwellKind.GaugeBreak, "border")], lastToPort.Dwells.Select(d => (d.Kind, d.Place.Id.Value)));
        Assert.Equal([(DwellKind.GaugeBreak, "border")], middleToWest.Dwells.Select(d => (d.Kind, d.Place.Id.Value)));

        // The ferry leg: onto the ferry at the port, and the port handling at the destination, on arrival.
        Assert.Equal([(DwellKind.PortHandling, "port"), (DwellKind.FerryWait, "port"), (DwellKind.PortHandling, "west")],
            toWest.Legs[^1].Dwells.Select(d => (d.Kind, d.Place.Id.Value)));
    }

    [Fact]
    public void AScenarioWithItsOwnDwells_HasItsOwnLegs()
    {
        CorridorRouter router = Real.Value;
        ScenarioOverlay congested = ScenarioOverlay.Compile(router.Dataset.Scenarios.Single(s => s.Id == "caspian-ferry-congestion"), 1, router.Graph, router.Dataset.Sanctions);
        var query = RouterFactory.Query("xian", "duisburg", constraints: new RouteConstraints { Corridor = new CorridorId("middle") });

        Route baseline = router.FindBest(query).Value!.Route!;
        Route scenario = router.FindBest(query with { Scenario = congested }).Value!.Route!;

        AppliedDwell baselineWait = baseline.Dwells.Single(d => d.Kind == DwellKind.FerryWait && d.Place.Id.Value is "aktau" or "kuryk");
        AppliedDwell scenarioWait = scenario.Dwells.Single(d => d.Kind == DwellKind.FerryWait && d.Place.Id.Value is "aktau" or "kuryk");
        Assert.Equal(252, scenarioWait.Hours.Typical, 1e-9); // 10.5 days, the scenario's figure
        Assert.True(baselineWait.Hours.Typical < 100, $"baseline wait {baselineWait.Hours.Typical} h");
    }
}
