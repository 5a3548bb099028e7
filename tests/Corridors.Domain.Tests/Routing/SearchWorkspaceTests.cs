using Corridors.Domain.Network;
using Corridors.Domain.Routing;

namespace Corridors.Domain.Tests.Routing;

/// <summary>A search on a workspace that earlier searches used finds exactly what it finds on a new one.</summary>
public sealed class SearchWorkspaceTests
{
    [Theory]
    [InlineData(11)]
    [InlineData(12)]
    [InlineData(13)]
    [InlineData(14)]
    public void ReusedWorkspace_AcrossCapsObjectivesAndPlaces_FindsTheSamePathsAsANewOne(int seed)
    {
        CorridorRouter router = RouterFactory.Create(TestNetworks.Random(seed));
        RoutingGraph graph = router.Graph;
        var reused = new SearchWorkspace(graph);
        var random = new Random(seed);
        int found = 0;
        for (int q = 0; q < 60; q++)
        {
            int origin = random.Next(graph.NodeCount);
            int destination = random.Next(graph.NodeCount);
            if (origin == destination)
            {
                continue;
            }

            // Caps of different sizes make the next search see state arrays larger than it needs, filled by another.
            RouteQuery query = router.WithDefaults(RouterFactory.Query(
                graph.NodePlace(origin).Id.Value,
                graph.NodePlace(destination).Id.Value,
                random.Next(2) == 0 ? Objective.Fastest : Objective.ShortestDistance,
                new RouteConstraints { MaxBorderCrossings = random.Next(3) == 0 ? null : random.Next(4), AvoidModes = new HashSet<TransportMode> { (TransportMode)random.Next(4) } }));
            SearchSpace space = SearchSpace.Compile(graph, query.Constraints, router.Baseline, router.Ends(query));
            IRouteCost cost = router.CostFor(query);

            SearchPath? expected = new EdgeDijkstra(graph, space, cost, new SearchWorkspace(graph)).Find(SearchStart.AtOrigin(origin), destination, CancellationToken.None);
            SearchPath? actual = new EdgeDijkstra(graph, space, cost, reused).Find(SearchStart.AtOrigin(origin), destination, CancellationToken.None);

            Assert.Equal(expected?.Cost, actual?.Cost);
            Assert.Equal(expected?.Edges, actual?.Edges);
            found += expected is null ? 0 : 1;
        }

        Assert.True(found > 20, $"only {found} of the random queries found a route: the test would prove little");
    }

    [Fact]
    public void Pool_LendsAReturnedWorkspaceAgain_AndANewOneWhileItIsOut()
    {
        var pool = new SearchWorkspacePool(RouterFactory.Create(TestNetworks.Random(1)).Graph);

        SearchWorkspace first = pool.Rent();
        SearchWorkspace second = pool.Rent();
        pool.Return(first);
        SearchWorkspace third = pool.Rent();

        Assert.NotSame(first, second);
        Assert.Same(first, third);
    }
}
