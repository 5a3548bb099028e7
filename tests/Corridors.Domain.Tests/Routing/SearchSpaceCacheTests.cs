using Corridors.Domain.Network;
using Corridors.Domain.Routing;
using Corridors.Domain.Scenarios;

namespace Corridors.Domain.Tests.Routing;

/// <summary>
/// Search spaces shared per date epoch against spaces compiled for the query itself: equal on the days links open and
/// close and closures start and end, on the days either side, and on random days, for every corridor and overlay.
/// </summary>
public sealed class SearchSpaceCacheTests
{
    private static readonly Lazy<CorridorRouter> Real = new(RouterFactory.Real);

    /// <summary>A what-if with a dated opening, besides the shipped scenarios' dated closures and undated openings.</summary>
    private const string DatedOpening = """
        {"id":"dated-opening","name":"dated opening","changes":[{"type":"open-link","link":"kashgar-torugart-rail","opens":"2031-06-01"}]}
        """;

    public static TheoryData<string?> Overlays() => [null, "cku-open", "poland-belarus-border-closed", "red-sea-closed", "dated-opening"];

    [Theory]
    [MemberData(nameof(Overlays))]
    public void SharedSpace_EqualsTheQuerysOwn_AroundEveryChangeDay(string? scenarioId)
    {
        CorridorRouter router = Real.Value;
        ScenarioOverlay overlay = OverlayOf(router, scenarioId);
        var random = new Random(29);
        List<DateOnly> days = [.. ChangeDays(router.Network, overlay).SelectMany(d => new[] { d.AddDays(-1), d, d.AddDays(1) })];
        days.AddRange(Enumerable.Range(0, 40).Select(_ => new DateOnly(2014, 1, 1).AddDays(random.Next(27 * 365))));
        (int, int) ends = (router.Graph.NodeOf(new PlaceId("xian")), router.Graph.NodeOf(new PlaceId("duisburg")));
        CorridorId?[] corridors = [null, .. router.Network.Corridors.Select(c => (CorridorId?)c.Id)];

        // Twice over: the first pass fills the cache, the second reads it on dates other than those that filled it.
        foreach (DateOnly day in days.Concat(days.AsEnumerable().Reverse()))
        {
            foreach (CorridorId? corridor in corridors)
            {
                foreach (bool planned in new[] { false, true })
                {
                    var constraints = new RouteConstraints { AsOf = day, Corridor = corridor, IncludePlanned = planned };
                    AssertSameSpace(
                        SearchSpace.CompileUncached(router.Graph, constraints, overlay, ends),
                        SearchSpace.Compile(router.Graph, constraints, overlay, ends),
                        $"{scenarioId ?? "baseline"} {corridor} {day:yyyy-MM-dd} planned {planned}");
                }
            }
        }
    }

    [Fact]
    public void QueriesWithTheirOwnConstraints_AreCompiledForThemselves_AndCapsDoNotLeak()
    {
        CorridorRouter router = Real.Value;
        (int, int) ends = (router.Graph.NodeOf(new PlaceId("xian")), router.Graph.NodeOf(new PlaceId("duisburg")));
        var random = new Random(7);
        string[] countries = [.. router.Network.Places.Select(p => p.CountryCode).Distinct()];
        for (int q = 0; q < 200; q++)
        {
            var constraints = new RouteConstraints
            {
                AsOf = new DateOnly(2014, 1, 1).AddDays(random.Next(27 * 365)),
                Corridor = random.Next(3) == 0 ? null : router.Network.Corridors[random.Next(router.Network.Corridors.Count)].Id,
                IncludePlanned = random.Next(2) == 0,
                MaxBorderCrossings = random.Next(3) == 0 ? random.Next(6) : null,
                AvoidCountries = random.Next(3) == 0 ? new HashSet<string> { countries[random.Next(countries.Length)] } : new HashSet<string>(),
                AvoidModes = random.Next(4) == 0 ? new HashSet<TransportMode> { (TransportMode)random.Next(4) } : new HashSet<TransportMode>(),
            };
            SearchSpace own = SearchSpace.CompileUncached(router.Graph, constraints, router.Baseline, ends);
            SearchSpace shared = SearchSpace.Compile(router.Graph, constraints, router.Baseline, ends);

            AssertSameSpace(own, shared, $"query {q}");
            Assert.Equal(own.MaxBorderCrossings, shared.MaxBorderCrossings);
        }
    }

    [Fact]
    public void LinkOpeningDay_TheDayBeforeIsNotYetOpen_TheDayItselfFinds_InEitherOrder()
    {
        CorridorRouter router = RouterFactory.Create(new TestNetworks()
            .Place("east", "CN", 80, 45)
            .Place("west", "KZ", 87, 45)
            .Link("east", "west", 700, status: LinkStatus.UnderConstruction, opens: new DateOnly(2030, 1, 1), countries: ["CN", "KZ"], corridors: ["cku"])
            .Corridor("cku", ["east"], ["west"])
            .Build());
        RouteQuery On(DateOnly day) => RouterFactory.Query("east", "west", constraints: new RouteConstraints { AsOf = day });

        RouteAnswer openingDayFirst = router.FindBest(On(new DateOnly(2030, 1, 1))).Value!;
        RouteAnswer dayBefore = router.FindBest(On(new DateOnly(2029, 12, 31))).Value!;
        RouteAnswer openingDayAgain = router.FindBest(On(new DateOnly(2030, 1, 1))).Value!;
        RouteAnswer yearBefore = router.FindBest(On(new DateOnly(2028, 12, 31))).Value!;

        Assert.Equal(RouteOutcome.Found, openingDayFirst.Outcome);
        Assert.Equal(700, openingDayFirst.Route!.DistanceKm, 1e-9);
        Assert.Equal(RouteOutcome.NotYetOpen, dayBefore.Outcome);
        Assert.Equal(new DateOnly(2030, 1, 1), dayBefore.OpensOn);
        Assert.Equal(RouteOutcome.Found, openingDayAgain.Outcome);
        Assert.Equal(RouteOutcome.NotYetOpen, yearBefore.Outcome);
    }

    private static ScenarioOverlay OverlayOf(CorridorRouter router, string? scenarioId) => scenarioId switch
    {
        null => router.Baseline,
        "dated-opening" => router.CompileScenario(DatedOpening, 1).Value!,
        _ => ScenarioOverlay.Compile(router.Dataset.Scenarios.Single(s => s.Id == scenarioId), 1, router.Graph, router.Dataset.Sanctions),
    };

    /// <summary>The days the data names (read from the links and the scenario document, not from the overlay's epochs).</summary>
    private static IEnumerable<DateOnly> ChangeDays(CorridorNetwork network, ScenarioOverlay overlay)
    {
        foreach (Link link in network.Links)
        {
            if (link.Opens is not null)
            {
                yield return link.Opens.Date;
            }

            if (link.Closes is not null)
            {
                yield return link.Closes.Date;
            }
        }

        foreach (ScenarioChange change in overlay.Scenario?.Changes ?? [])
        {
            (DateOnly? from, DateOnly? to) = change switch
            {
                CloseLink c => (c.When.From, c.When.To),
                ClosePlace c => (c.When.From, c.When.To),
                OpenLink c => (c.Opens, null),
                _ => ((DateOnly?)null, (DateOnly?)null),
            };
            foreach (DateOnly? day in new[] { from, to })
            {
                if (day is { } d)
                {
                    yield return d;
                }
            }
        }
    }

    private static void AssertSameSpace(SearchSpace expected, SearchSpace actual, string what)
    {
        Assert.True(expected.LinkAllowed.SequenceEqual(actual.LinkAllowed), what + ": links");
        Assert.True(expected.NodeAllowed.SequenceEqual(actual.NodeAllowed), what + ": places");
        Assert.True(expected.EdgeAllowed.SequenceEqual(actual.EdgeAllowed), what + ": edges");
        Assert.Equal(expected.MaxBorderCrossings, actual.MaxBorderCrossings);
    }
}
