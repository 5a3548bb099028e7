using Corridors.Domain.Network;
using Corridors.Domain.Routing;

namespace Corridors.Domain.Tests.Routing;

/// <summary>Hand-made networks where every figure can be checked by hand.</summary>
public class RouterScenarioTests
{
    /// <summary>
    /// east (CN, 1435) --100 km-- border (KZ, gauge break 2/4/6 h) --200 km 1520-- port (KZ, port 10/20/30 h,
    /// ferry wait 24/48/72 h) --ferry 330 km-- west (AZ, port 10/20/30 h) ; and a planned rail bypass east→west.
    /// Every range is symmetric in hours (speeds 40/50/66.7 km/h give 1.5/2/2.5 h per 100 km), so each median is
    /// its typical value and P50 can be checked by hand.
    /// </summary>
    private static CorridorNetwork Network() => new TestNetworks()
        .Place("east", "CN", 80, 45)
        .Place("border", "KZ", 81, 45, PlaceKind.BorderCrossing, TestNetworks.Dwell(DwellKind.GaugeBreak, 2, 4, 6))
        .Place("port", "KZ", 83.5, 45, PlaceKind.FerryTerminal,
            TestNetworks.Dwell(DwellKind.PortHandling, 10, 20, 30), TestNetworks.Dwell(DwellKind.FerryWait, 24, 48, 72))
        .Place("west", "AZ", 87.5, 45, PlaceKind.FerryTerminal, TestNetworks.Dwell(DwellKind.PortHandling, 10, 20, 30))
        .Link("east", "border", 100, gaugeMm: 1435, speedRangeKmh: (40, 50, 200.0 / 3), countries: ["CN", "KZ"], corridors: ["middle"])
        .Link("border", "port", 200, gaugeMm: 1520, speedRangeKmh: (40, 50, 200.0 / 3), corridors: ["middle"])
        .Link("port", "west", 330, TransportMode.Ferry, speedRangeKmh: (16.5, 22, 33), countries: ["KZ", "AZ"], corridors: ["middle"])
        .Link("east", "west", 700, gaugeMm: 1435, status: LinkStatus.UnderConstruction, opens: new DateOnly(2030, 1, 1),
            countries: ["CN", "KZ", "AZ"], corridors: ["cku"], speedRangeKmh: (40, 50, 200.0 / 3))
        .Corridor("middle", ["east"], ["west"])
        .Corridor("cku", ["east"], ["west"])
        .Build();

    [Fact]
    public void GaugeBreakPortAndFerry_AreDerivedFromTheRouteAndAddUp()
    {
        var router = RouterFactory.Create(Network());
        Route route = router.FindBest(RouterFactory.Query("east", "west")).Value!.Route!;

        Assert.Equal(["east-border", "border-port", "port-west"], route.Legs.Select(l => l.Link.Id.Value));
        Assert.Equal(630, route.DistanceKm, 1e-9);
        Assert.Equal(1, route.GaugeBreaks);
        Assert.Equal(1, route.BorderCrossings); // the ferry is water: not a land border crossing
        Assert.Equal(
            [(DwellKind.GaugeBreak, "border"), (DwellKind.PortHandling, "port"), (DwellKind.FerryWait, "port"), (DwellKind.PortHandling, "west")],
            route.Dwells.Select(d => (d.Kind, d.Place.Id.Value)));

        // Medians by hand (symmetric ranges: median = typical): moving 2 + 4 + 15 h; dwells 4 + 20 + 48 + 20 h.
        double expectedHours = 2 + 4 + 15 + 4 + 20 + 48 + 20;
        Assert.Equal(expectedHours / 24, route.TransitDays.P50, 1e-9);
        // Percentiles add component by component: min 1.5 + 3 + 10 + 2 + 10 + 24 + 10 h, max 2.5 + 5 + 20 + 6 + 30 + 72 + 30 h.
        Assert.Equal(60.5 / 24, route.TransitDays.MinDays, 1e-9);
        Assert.Equal(165.5 / 24, route.TransitDays.MaxDays, 1e-9);
        Assert.Equal(route.TransitDays.P50 - route.TransitDays.P10, route.TransitDays.P90 - route.TransitDays.P50, 1e-9);
        Assert.True(route.TransitDays.P10 > route.TransitDays.MinDays && route.TransitDays.P90 < route.TransitDays.MaxDays);
        Assert.Equal(630, route.ModeKm[TransportMode.Rail] + route.ModeKm[TransportMode.Ferry], 1e-9);
        Assert.Equal(330, route.ModeKm[TransportMode.Ferry], 1e-9);
        Assert.Equal(route.TransitDays.P50 * 24, route.Legs.Sum(l => l.P50Hours + l.DwellHours), 1e-9);
    }

    [Fact]
    public void UnderConstructionCorridor_IsNotYetOpen_WithItsOpeningDate()
    {
        var router = RouterFactory.Create(Network());
        var cku = RouterFactory.Query("east", "west", constraints: new RouteConstraints { Corridor = new CorridorId("cku") });

        RouteAnswer today = router.FindBest(cku).Value!;
        RouteAnswer planned = router.FindBest(cku with { Constraints = cku.Constraints with { IncludePlanned = true } }).Value!;

        Assert.Equal(RouteOutcome.NotYetOpen, today.Outcome);
        Assert.Equal(new DateOnly(2030, 1, 1), today.OpensOn);
        Assert.Contains("east-west (under-construction, opens 2030-01-01)", today.Explanation, StringComparison.Ordinal);
        Assert.Equal(RouteOutcome.Found, planned.Outcome);
        Assert.Equal(700, planned.Route!.DistanceKm, 1e-9);
    }

    [Fact]
    public void AvoidingTheOnlyTransitCountry_IsInfeasible_NamingIt_NeverARelaxedRoute()
    {
        var router = RouterFactory.Create(Network());
        var query = RouterFactory.Query("east", "west", constraints: new RouteConstraints
        {
            AvoidCountries = new HashSet<string> { "KZ" },
            AvoidModes = new HashSet<TransportMode> { TransportMode.Road },
        });

        RouteAnswer answer = router.FindBest(query).Value!;

        Assert.Equal(RouteOutcome.Infeasible, answer.Outcome);
        Assert.Null(answer.Route);
        Infeasibility reason = Assert.Single(answer.Reasons);
        Assert.Equal(ConstraintKind.AvoidCountry, reason.Constraint);
        Assert.Equal("KZ", reason.Value);
        Assert.Equal("every route is ruled out by avoiding country KZ", answer.Explanation);
    }

    [Fact]
    public void BorderCrossingCap_RulesOutTheOnlyRoute()
    {
        var router = RouterFactory.Create(Network());
        RouteAnswer answer = router.FindBest(RouterFactory.Query("east", "west", constraints: new RouteConstraints { MaxBorderCrossings = 0 })).Value!;

        Assert.Equal(RouteOutcome.Infeasible, answer.Outcome);
        Assert.Equal(ConstraintKind.MaxBorderCrossings, Assert.Single(answer.Reasons).Constraint);
    }

    [Fact]
    public void Compare_GivesOneAnswerPerCorridor_WithTodayFromTheClock()
    {
        var router = RouterFactory.Create(Network());
        CorridorComparisonSet set = router.Compare(RouterFactory.Query("east", "west")).Value!;

        Assert.Equal(RouterFactory.Today, set.AsOf);
        Assert.Equal(["middle", "cku"], set.Comparisons.Select(c => c.Corridor.Id.Value));
        Assert.Equal(RouteOutcome.Found, set.Comparisons[0].Answer.Outcome);
        Assert.Equal(RouteOutcome.NotYetOpen, set.Comparisons[1].Answer.Outcome);
    }

    [Fact]
    public void FromItsForecastOpening_AnUnderConstructionLinkIsUsed_AndTheRouteSaysItRestsOnTheForecast()
    {
        var router = RouterFactory.Create(Network());
        var cku = RouterFactory.Query("east", "west", constraints: new RouteConstraints { Corridor = new CorridorId("cku") });

        RouteAnswer dayBefore = router.FindBest(cku with { Constraints = cku.Constraints with { AsOf = new DateOnly(2029, 12, 31) } }).Value!;
        RouteAnswer opening = router.FindBest(cku with { Constraints = cku.Constraints with { AsOf = new DateOnly(2030, 1, 1) } }).Value!;

        Assert.Equal(RouteOutcome.NotYetOpen, dayBefore.Outcome);
        Assert.EndsWith("forecast to open 2030-01-01", dayBefore.Explanation, StringComparison.Ordinal);
        Assert.Equal(RouteOutcome.Found, opening.Outcome);
        Assert.Equal(700, opening.Route!.DistanceKm, 1e-9);
        Assert.Equal(["east-west"], opening.Route.ForecastLinks.Select(l => l.Id.Value));
        Assert.Equal(
            ["cku: east-west is under construction, forecast to open 2030-01-01 (derived: test fixture); the route assumes the forecast holds"],
            opening.Route.Notes);
    }

    [Fact]
    public void RouteOnOperationalLinksOnly_HasNoNotes()
    {
        Route route = RouterFactory.Create(Network()).FindBest(RouterFactory.Query("east", "west", constraints: new RouteConstraints { Corridor = new CorridorId("middle") })).Value!.Route!;

        Assert.Empty(route.ForecastLinks);
        Assert.Empty(route.Notes);
    }

    [Fact]
    public void PlannedLinkWithoutAForecastDate_IsUsedOnlyWithPlannedLinksIncluded_WhateverTheDate()
    {
        CorridorNetwork network = new TestNetworks()
            .Place("east", "CN", 80, 45)
            .Place("west", "KZ", 81, 45)
            .Link("east", "west", 100, gaugeMm: 1435, status: LinkStatus.Planned, corridors: ["cku"])
            .Corridor("cku", ["east"], ["west"])
            .Build();
        var router = RouterFactory.Create(network);
        var late = RouterFactory.Query("east", "west", constraints: new RouteConstraints { AsOf = new DateOnly(2040, 12, 31) });

        RouteAnswer refused = router.FindBest(late).Value!;
        RouteAnswer included = router.FindBest(late with { Constraints = late.Constraints with { IncludePlanned = true } }).Value!;

        Assert.Equal(RouteOutcome.NotYetOpen, refused.Outcome);
        Assert.Null(refused.OpensOn);
        Assert.Equal(
            "a route exists only over links not open on 2040-12-31: east-west (planned); no forecast opening date is known for east-west; include planned links to route over them",
            refused.Explanation);
        Assert.Equal(RouteOutcome.Found, included.Outcome);
        Assert.Equal(["cku: east-west is planned with no forecast opening date; used only because planned links were included"], included.Route!.Notes);
    }

    [Theory]
    [InlineData("east", "east", "destination", "origin and destination are the same place 'east'")]
    [InlineData("nowhere", "west", "origin", "unknown place 'nowhere'")]
    [InlineData("east", "atlantis", "destination", "unknown place 'atlantis'")]
    public void BadPlaces_AreQueryErrors(string from, string to, string field, string message)
    {
        var router = RouterFactory.Create(Network());
        var result = router.FindBest(RouterFactory.Query(from, to));

        Assert.False(result.IsSuccess);
        QueryError error = Assert.Single(result.Errors);
        Assert.Equal(field, error.Field);
        Assert.Equal(message, error.Message);
    }

    [Theory]
    [InlineData(-1, "must be between 0 and 10, got -1")]
    [InlineData(11, "must be between 0 and 10, got 11")]
    public void AlternativesOutOfRange_AreQueryErrors(int k, string message)
    {
        var router = RouterFactory.Create(Network());
        var result = router.FindRoutes(RouterFactory.Query("east", "west"), k);

        Assert.Equal(("alternatives", message), (result.Errors.Single().Field, result.Errors.Single().Message));
    }

    [Fact]
    public void UnknownCorridorAndBadCountryCode_AreAllReportedAtOnce()
    {
        var router = RouterFactory.Create(Network());
        var result = router.FindBest(RouterFactory.Query("east", "west", constraints: new RouteConstraints
        {
            Corridor = new CorridorId("silk"),
            AvoidCountries = new HashSet<string> { "Russia" },
        }));

        Assert.Equal(
            [("corridor", "unknown corridor 'silk'; known: middle, cku"), ("avoid_countries", "'Russia' is not an ISO 3166-1 alpha-2 code (two capital letters)")],
            result.Errors.Select(e => (e.Field, e.Message)));
    }

    [Fact]
    public void MatrixAboveTheCap_IsRefusedWithoutRouting()
    {
        var router = RouterFactory.Create(Network());
        var many = Enumerable.Repeat(new PlaceId("east"), 51).ToList();
        var result = router.ComputeMatrix(many, many, RouterFactory.Query("east", "west"));

        Assert.Equal("51 × 51 = 2601 cells exceeds the maximum of 2500", result.Errors.Single().Message);
    }
}
