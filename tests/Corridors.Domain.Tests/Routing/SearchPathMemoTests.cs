using Corridors.Domain.Network;
using Corridors.Domain.Routing;

namespace Corridors.Domain.Tests.Routing;

/// <summary>
/// Paths remembered per shared search space against a fresh search in a space compiled for the query itself: the same
/// edges and cost for random pairs, corridors, days and objectives, asked twice (the second answer is the memo's).
/// </summary>
public sealed class SearchPathMemoTests
{
    private static readonly Lazy<CorridorRouter> Real = new(RouterFactory.Real);

    [Fact]
    public void RememberedPaths_AreThePathsAFreshSearchFinds()
    {
        CorridorRouter router = Real.Value;
        var random = new Random(13);
        Place[] places = [.. router.Network.Places];
        CorridorId?[] corridors = [null, .. router.Network.Corridors.Select(c => (CorridorId?)c.Id)];
        Objective[] objectives = [Objective.Fastest, Objective.ShortestDistance, Objective.LowestCo2e];
        int remembered = 0;
        for (int q = 0; q < 400; q++)
        {
            var constraints = new RouteConstraints
            {
                AsOf = new DateOnly(2014, 1, 1).AddDays(random.Next(27 * 365)),
                Corridor = corridors[random.Next(corridors.Length)],
                IncludePlanned = random.Next(2) == 0,
            };
            RouteQuery query = RouterFactory.Query(places[random.Next(places.Length)].Id.Value, places[random.Next(places.Length)].Id.Value, constraints: constraints)
                with { Objective = objectives[random.Next(objectives.Length)] };
            (int origin, int destination) = router.Ends(query);
            SearchSpace own = SearchSpace.CompileUncached(router.Graph, constraints, router.Baseline, (origin, destination));
            SearchPath? expected = new EdgeDijkstra(router.Graph, own, router.CostFor(query), new SearchWorkspace(router.Graph))
                .Find(SearchStart.AtOrigin(origin), destination, CancellationToken.None);

            SearchPath? first = router.Search(query, constraints, ignoreDates: false, CancellationToken.None);
            SearchPath? second = router.Search(query, constraints, ignoreDates: false, CancellationToken.None);

            string what = $"query {q}: {query.Origin}→{query.Destination} {constraints.Corridor} {constraints.AsOf:yyyy-MM-dd} {query.Objective}";
            foreach (SearchPath? actual in new[] { first, second })
            {
                Assert.True((expected is null) == (actual is null), what);
                if (expected is not null)
                {
                    Assert.Equal(expected.Edges, actual!.Edges);
                    Assert.Equal(expected.Cost, actual.Cost);
                }
            }

            remembered += ReferenceEquals(first, second) && first is not null ? 1 : 0;
        }

        Assert.True(remembered > 100, $"only {remembered} of 400 second answers came from the memo");
    }

    [Fact]
    public void CappedOrGuardedSearches_AreNotRemembered()
    {
        CorridorRouter router = Real.Value;
        var constraints = new RouteConstraints { AsOf = new DateOnly(2026, 11, 29) };
        (int, int) ends = (router.Graph.NodeOf(new PlaceId("xian")), router.Graph.NodeOf(new PlaceId("duisburg")));

        SearchSpace shared = SearchSpace.Compile(router.Graph, constraints, router.Baseline, ends);
        SearchSpace capped = SearchSpace.Compile(router.Graph, constraints with { MaxBorderCrossings = 3 }, router.Baseline, ends);

        Assert.NotNull(shared.Paths);
        Assert.Null(capped.Paths); // the cap changes the paths, so a capped copy starts with no memory
        Assert.True(SearchPathMemo.Keeps(Objective.Fastest, allowedOnly: false));
        Assert.False(SearchPathMemo.Keeps(Objective.Fastest, allowedOnly: true)); // the guard depends on the shipper
        Assert.False(SearchPathMemo.Keeps(Objective.LowestRisk, allowedOnly: false)); // the cost depends on the shipper
        Assert.False(SearchPathMemo.Keeps(Objective.LowestCo2e, allowedOnly: false)); // and on payload and year
    }

    [Fact]
    public void ARouterThatDoesNotRememberPaths_SearchesEveryTime_AndFindsTheSamePath()
    {
        CorridorRouter remembering = Real.Value;
        var searching = new CorridorRouter(remembering.Dataset, Corridors.Domain.Dates.BusinessCalendar.Pinned(new DateOnly(2026, 11, 29)), Corridors.Domain.Geo.Wgs84.CreateFactory())
        {
            RemembersPaths = false,
        };
        RouteQuery query = RouterFactory.Query("xian", "duisburg", constraints: new RouteConstraints { AsOf = new DateOnly(2026, 11, 29) });

        SearchPath first = searching.Search(query, query.Constraints, ignoreDates: false, CancellationToken.None)!;
        SearchPath second = searching.Search(query, query.Constraints, ignoreDates: false, CancellationToken.None)!;
        SearchPath remembered = remembering.Search(query, query.Constraints, ignoreDates: false, CancellationToken.None)!;

        Assert.NotSame(first, second);
        Assert.Equal(first.Edges, second.Edges);
        Assert.Equal(first.Edges, remembered.Edges);
        Assert.Same(remembered, remembering.Search(query, query.Constraints, ignoreDates: false, CancellationToken.None));
    }

    [Fact]
    public void AFullMemo_IsEmptied_NotGrownPastItsBound()
    {
        var memo = new SearchPathMemo();
        for (int i = 0; i <= SearchPathMemo.MaxPaths; i++)
        {
            memo.Add(Objective.Fastest, i, i + 1, new SearchPath([i], i));
        }

        Assert.InRange(memo.Count, 1, SearchPathMemo.MaxPaths);
        Assert.True(memo.TryGet(Objective.Fastest, SearchPathMemo.MaxPaths, SearchPathMemo.MaxPaths + 1, out SearchPath? last));
        Assert.Equal([SearchPathMemo.MaxPaths], last!.Edges);
    }
}
