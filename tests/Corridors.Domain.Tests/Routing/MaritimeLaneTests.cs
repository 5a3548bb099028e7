using Corridors.Domain.Network;
using Corridors.Domain.Routing;

namespace Corridors.Domain.Tests.Routing;

/// <summary>
/// The maritime corridors on the real network: every modelled seaport is reached by sea, port to port (the Turkish
/// Straits to Constanța, Gibraltar on the Cape route, the Elbe to Hamburg), and an inland destination is reached by
/// sea to the port the objective picks, then on-carriage by land.
/// </summary>
public sealed class MaritimeLaneTests
{
    private const double KmPerNauticalMile = 1.852;
    private static readonly Lazy<CorridorRouter> Router = new(RouterFactory.Real);

    private static Route OnCorridor(string from, string to, string corridor)
    {
        RouteAnswer answer = Router.Value.FindBest(RouterFactory.Query(from, to,
            constraints: new RouteConstraints { Corridor = new CorridorId(corridor), AsOf = RouterFactory.Today })).Value!;
        Assert.True(answer.Outcome == RouteOutcome.Found, answer.Explanation);
        return answer.Route!;
    }

    private static string[] Places(Route route) => [.. route.Places.Select(p => p.Id.Value)];

    [Fact]
    public void ShanghaiToPiraeusViaSuez_IsWithin3PercentOfThePublishedVoyage()
    {
        Route route = OnCorridor("shanghai", "piraeus", "maritime");

        // M-COSCO-SHANGHAI-PIRAEUS: 7,878 nm Yangshan–Piraeus via Suez.
        Assert.InRange(route.DistanceKm / KmPerNauticalMile, 7_878 * 0.97, 7_878 * 1.03);
        Assert.Contains("suez", Places(route));
    }

    [Fact]
    public void ShanghaiToConstanta_SailsThroughTheDardanellesAndTheBosporus_AllTheWayBySea()
    {
        Route route = OnCorridor("shanghai", "constanta", "maritime");
        Route portSaid = OnCorridor("shanghai", "port-said", "maritime");

        Assert.Equal(route.DistanceKm, route.ModeKm[TransportMode.Sea], 1e-6);
        Assert.Equal(["port-said", "dardanelles", "bosporus", "constanta"], Places(route)[^4..]);
        // Beyond Port Said: the Aegean (drawn, 1,251 km), the Turkish Straits 164 nm (M-TURKISH-STRAITS) and the
        // Black Sea, 179 nm from the Bosporus to Constanța (M-CONSTANTA-BOSPHORUS).
        Assert.Equal(1251 + 303.7 + 331.5, route.DistanceKm - portSaid.DistanceKm, 1e-6);
    }

    [Fact]
    public void ShanghaiToPiraeusRoundTheCape_EntersTheMediterraneanAtGibraltar()
    {
        Route route = OnCorridor("shanghai", "piraeus", "maritime-cape");

        string[] places = Places(route);
        Assert.Contains("cape-of-good-hope", places);
        Assert.Equal(["canary-islands", "gibraltar", "piraeus"], places[^3..]); // not back north via Finisterre
        Assert.DoesNotContain("suez", places);
        Assert.Equal(route.DistanceKm, route.ModeKm[TransportMode.Sea], 1e-6);
    }

    [Theory]
    [InlineData("hamburg", "maritime")]
    [InlineData("hamburg", "maritime-cape")]
    [InlineData("antwerp", "maritime")]
    [InlineData("constanta", "maritime-cape")]
    public void SeaportDestination_IsReachedBySeaPortToPort(string port, string corridor)
    {
        Route route = OnCorridor("shanghai", port, corridor);

        Assert.Equal(route.DistanceKm, route.ModeKm[TransportMode.Sea], 1e-6);
        Assert.Equal(port, route.Destination.Id.Value);
    }

    [Theory]
    [InlineData("east", "west", new[] { "east", "west" })]
    [InlineData("west", "east", new[] { "west", "east" })]
    [InlineData("east", "inland", new[] { "east", "west", "inland" })]
    public void SeaportEnds_AreReachedBySea_WhileAnInlandEndTakesTheLandLeg(string from, string to, string[] expected)
    {
        // Two ports joined by a short rail link; only "near" has the short sea lane. Port to port, east sails the long
        // lane (by rail to near and the short lane would be 1,960 km); an inland place gets on-carriage from the port.
        CorridorNetwork network = new TestNetworks()
            .Place("east", "CN", 120, 30, PlaceKind.Seaport)
            .Place("near", "CN", 120.1, 30, PlaceKind.Seaport)
            .Place("west", "NL", 100, 30, PlaceKind.Seaport)
            .Place("inland", "NL", 99.9, 30)
            .Link("east", "near", 10, gaugeMm: 1435)
            .Link("east", "west", 3000, TransportMode.Sea, corridors: ["maritime"])
            .Link("near", "west", 1950, TransportMode.Sea, corridors: ["maritime"])
            .Link("west", "inland", 11, gaugeMm: 1435)
            .Corridor("maritime", ["east"], ["west"])
            .Build();
        CorridorRouter router = RouterFactory.Create(network);

        RouteAnswer answer = router.FindBest(RouterFactory.Query(from, to, Objective.ShortestDistance,
            new RouteConstraints { Corridor = new CorridorId("maritime") })).Value!;

        Assert.Equal(expected, Places(answer.Route!));
    }

    [Theory]
    [InlineData("shanghai", "rotterdam")]
    [InlineData("qingdao", "hamburg")]
    [InlineData("shanghai", "le-havre")]
    public void BetweenTwoSeaports_TheShortestRouteIsBySeaAllTheWay(string from, string to)
    {
        RouteAnswer answer = Router.Value.FindBest(RouterFactory.Query(from, to, Objective.ShortestDistance,
            new RouteConstraints { Corridor = new CorridorId("maritime"), AsOf = RouterFactory.Today })).Value!;

        Assert.Equal(answer.Route!.DistanceKm, answer.Route.ModeKm[TransportMode.Sea], 1e-6);
    }

    [Fact]
    public void LeHavre_IsReachedUpTheChannelFromUshant_NotBackFromDover()
    {
        Route route = OnCorridor("shanghai", "le-havre", "maritime");

        Assert.Equal(["ushant", "le-havre"], Places(route)[^2..]);
    }

    [Fact]
    public void InlandDestination_GetsOnCarriageFromThePortTheObjectivePicks()
    {
        Route route = OnCorridor("shanghai", "duisburg", "maritime");

        int firstLand = route.Legs.ToList().FindIndex(l => !l.Link.IsWater);
        Assert.True(firstLand > 0, "the route sails first");
        Assert.Equal(PlaceKind.Seaport, route.Legs[firstLand].From.Kind);
        Assert.All(route.Legs.Skip(firstLand), l => Assert.False(l.Link.IsWater));
    }
}
