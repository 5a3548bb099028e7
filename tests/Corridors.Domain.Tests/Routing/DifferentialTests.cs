using Corridors.Domain.Routing;
using QuikGraph;
using QuikGraph.Algorithms;
using QuikGraph.Algorithms.ShortestPath;

namespace Corridors.Domain.Tests.Routing;

/// <summary>Our search against QuikGraph 2.5.0 (the reference implementation) on seeded random networks.</summary>
public class DifferentialTests
{
    private const double ToleranceCost = 1e-6;

    public static TheoryData<int> Seeds()
    {
        var data = new TheoryData<int>();
        for (int seed = 1; seed <= 25; seed++)
        {
            data.Add(seed);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void ShortestDistance_EqualsQuikGraphDijkstra(int seed)
    {
        var network = TestNetworks.Random(seed);
        var router = RouterFactory.Create(network);
        RoutingGraph graph = router.Graph;
        var reference = new AdjacencyGraph<int, TaggedEdge<int, double>>();
        reference.AddVertexRange(Enumerable.Range(0, graph.NodeCount));
        for (int e = 0; e < graph.EdgeCount; e++)
        {
            reference.AddEdge(new TaggedEdge<int, double>(graph.EdgeFrom(e), graph.EdgeTo(e), graph.EdgeLink(e).DistanceKm.Value));
        }

        var random = new Random(seed);
        for (int q = 0; q < 10; q++)
        {
            int origin = random.Next(graph.NodeCount);
            int destination = random.Next(graph.NodeCount);
            if (origin == destination)
            {
                continue;
            }

            var tryGetPath = reference.ShortestPathsDijkstra(edge => edge.Tag, origin);
            bool referenceFound = tryGetPath(destination, out IEnumerable<TaggedEdge<int, double>>? path);
            RouteAnswer answer = router.FindBest(RouterFactory.Query(graph.NodePlace(origin).Id.Value, graph.NodePlace(destination).Id.Value, Objective.ShortestDistance)).Value!;

            Assert.Equal(referenceFound, answer.Outcome == RouteOutcome.Found);
            if (referenceFound)
            {
                Assert.Equal(path!.Sum(edge => edge.Tag), answer.Route!.DistanceKm, ToleranceCost);
            }
        }
    }

    /// <summary>
    /// Fastest with dwell transitions: QuikGraph runs on the line graph (a vertex per directed edge, transition
    /// costs on its edges), which is what our edge-based search computes implicitly.
    /// </summary>
    [Theory]
    [MemberData(nameof(Seeds))]
    public void Fastest_EqualsQuikGraphDijkstraOnLineGraph(int seed)
    {
        var network = TestNetworks.Random(seed);
        var router = RouterFactory.Create(network);
        RoutingGraph graph = router.Graph;
        IRouteCost cost = router.CostFor(router.WithDefaults(RouterFactory.Query("p00", "p01")));
        var random = new Random(seed * 7919);
        for (int q = 0; q < 5; q++)
        {
            int origin = random.Next(graph.NodeCount);
            int destination = random.Next(graph.NodeCount);
            if (origin == destination)
            {
                continue;
            }

            int source = graph.EdgeCount;
            int sink = graph.EdgeCount + 1;
            var line = new AdjacencyGraph<int, TaggedEdge<int, double>>();
            line.AddVertexRange(Enumerable.Range(0, graph.EdgeCount + 2));
            for (int e = 0; e < graph.EdgeCount; e++)
            {
                if (graph.EdgeFrom(e) == origin)
                {
                    line.AddEdge(new(source, e, cost.TransitionCost(DwellRules.NoEdge, origin, e) + cost.EdgeCost(e)));
                }

                int v = graph.EdgeTo(e);
                if (v == destination)
                {
                    line.AddEdge(new(e, sink, cost.TransitionCost(e, v, DwellRules.NoEdge)));
                    continue;
                }

                for (int f = graph.FirstEdge(v); f < graph.EndEdge(v); f++)
                {
                    if (f != graph.EdgeReverse(e) && graph.EdgeTo(f) != origin)
                    {
                        line.AddEdge(new(e, f, cost.TransitionCost(e, v, f) + cost.EdgeCost(f)));
                    }
                }
            }

            var tryGetPath = line.ShortestPathsDijkstra(edge => edge.Tag, source);
            bool referenceFound = tryGetPath(sink, out IEnumerable<TaggedEdge<int, double>>? path);
            RouteAnswer answer = router.FindBest(RouterFactory.Query(graph.NodePlace(origin).Id.Value, graph.NodePlace(destination).Id.Value)).Value!;

            Assert.Equal(referenceFound, answer.Outcome == RouteOutcome.Found);
            if (referenceFound)
            {
                Assert.Equal(path!.Sum(edge => edge.Tag) / 24.0, answer.Route!.TransitDays.P50, 1e-6);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void KShortestDistances_EqualQuikGraphYen(int seed)
    {
        const int k = 6;
        var network = TestNetworks.Random(seed, placeCount: 16, extraLinks: 24);
        var router = RouterFactory.Create(network);
        RoutingGraph graph = router.Graph;
        var reference = new AdjacencyGraph<int, EquatableTaggedEdge<int, double>>();
        reference.AddVertexRange(Enumerable.Range(0, graph.NodeCount));
        for (int e = 0; e < graph.EdgeCount; e++)
        {
            reference.AddEdge(new EquatableTaggedEdge<int, double>(graph.EdgeFrom(e), graph.EdgeTo(e), graph.EdgeLink(e).DistanceKm.Value));
        }

        int origin = 0;
        int destination = graph.NodeCount - 1;
        var yen = new YenShortestPathsAlgorithm<int>(reference, origin, destination, k, edge => edge.Tag);
        double[] expected = [.. yen.Execute().Select(p => p.Sum(edge => edge.Tag)).OrderBy(c => c)];

        RouteSet routes = router.FindRoutes(
            RouterFactory.Query(graph.NodePlace(origin).Id.Value, graph.NodePlace(destination).Id.Value, Objective.ShortestDistance),
            alternatives: k - 1,
            maxOverlap: 1.0).Value!;
        double[] actual = [.. routes.Routes.Select(r => r.DistanceKm)];

        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i], actual[i], ToleranceCost);
        }
    }
}
