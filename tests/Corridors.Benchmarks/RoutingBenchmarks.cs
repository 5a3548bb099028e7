using BenchmarkDotNet.Attributes;
using Corridors.Domain.Dataset;
using Corridors.Domain.Dates;
using Corridors.Domain.Geo;
using Corridors.Domain.Network;
using Corridors.Domain.Network.Loading;
using Corridors.Domain.Routing;
using QuikGraph;
using QuikGraph.Algorithms;

namespace Corridors.Benchmarks;

/// <summary>
/// One query on the real corridor network, ours against QuikGraph 2.5.0 on the same graph. Ours stops when the
/// destination is settled; QuikGraph's <c>ShortestPathsDijkstra</c> computes the whole shortest-path tree, which is
/// how it is used (there is no early-exit variant in its public API).
/// </summary>
[MemoryDiagnoser]
public class RoutingBenchmarks
{
    /// <summary>A fixed as-of date, so the benchmark answers the same question every year.</summary>
    private static readonly DateOnly AsOf = new(2026, 11, 29);

    private CorridorRouter _router = null!;

    /// <summary>The same network with every search run (<see cref="CorridorRouter.RemembersPaths"/> off): the search rows.</summary>
    private CorridorRouter _searching = null!;
    private RouteQuery _fastest = null!;
    private RouteQuery _shortest = null!;
    private AdjacencyGraph<int, TaggedEdge<int, double>> _nodeGraph = null!;
    private AdjacencyGraph<int, TaggedEdge<int, double>> _lineGraph = null!;
    private int _origin;
    private int _destination;
    private int _lineSource;
    private int _lineSink;

    [GlobalSetup]
    public void Setup()
    {
        CorridorDatasetLoadResult loaded = new CorridorDatasetLoader(Wgs84.CreateFactory()).Load(RepositoryRoot.NetworksDirectory());
        CorridorDataset dataset = loaded.Dataset ?? throw new InvalidOperationException(
            "networks/ does not validate: " + string.Join("; ", loaded.Problems.Take(5)));
        _router = new CorridorRouter(dataset, BusinessCalendar.Pinned(AsOf), Wgs84.CreateFactory());
        _searching = new CorridorRouter(dataset, BusinessCalendar.Pinned(AsOf), Wgs84.CreateFactory()) { RemembersPaths = false };
        RoutingGraph graph = _router.Graph;
        _fastest = new RouteQuery
        {
            Origin = new PlaceId("xian"),
            Destination = new PlaceId("duisburg"),
            Constraints = new RouteConstraints { AsOf = AsOf },
        };
        _shortest = _fastest with { Objective = Objective.ShortestDistance };
        _origin = graph.NodeOf(_fastest.Origin);
        _destination = graph.NodeOf(_fastest.Destination);

        _nodeGraph = new AdjacencyGraph<int, TaggedEdge<int, double>>();
        _nodeGraph.AddVertexRange(Enumerable.Range(0, graph.NodeCount));
        for (int e = 0; e < graph.EdgeCount; e++)
        {
            _nodeGraph.AddEdge(new TaggedEdge<int, double>(graph.EdgeFrom(e), graph.EdgeTo(e), graph.EdgeLink(e).DistanceKm.Value));
        }

        IRouteCost time = _router.CostFor(_router.WithDefaults(_fastest));
        _lineSource = graph.EdgeCount;
        _lineSink = graph.EdgeCount + 1;
        _lineGraph = new AdjacencyGraph<int, TaggedEdge<int, double>>();
        _lineGraph.AddVertexRange(Enumerable.Range(0, graph.EdgeCount + 2));
        for (int e = 0; e < graph.EdgeCount; e++)
        {
            if (graph.EdgeFrom(e) == _origin)
            {
                _lineGraph.AddEdge(new(_lineSource, e, time.TransitionCost(DwellRules.NoEdge, _origin, e) + time.EdgeCost(e)));
            }

            int v = graph.EdgeTo(e);
            if (v == _destination)
            {
                _lineGraph.AddEdge(new(e, _lineSink, time.TransitionCost(e, v, DwellRules.NoEdge)));
                continue;
            }

            for (int f = graph.FirstEdge(v); f < graph.EndEdge(v); f++)
            {
                if (f != graph.EdgeReverse(e) && graph.EdgeTo(f) != _origin)
                {
                    _lineGraph.AddEdge(new(e, f, time.TransitionCost(e, v, f) + time.EdgeCost(f)));
                }
            }
        }
    }

    [Benchmark(Description = "Shortest distance: Corridors search")]
    public double ShortestDistance_Ours() =>
        _searching.Search(_shortest, _shortest.Constraints, ignoreDates: false, CancellationToken.None)!.Cost;

    [Benchmark(Description = "Shortest distance: QuikGraph Dijkstra")]
    public double ShortestDistance_QuikGraph()
    {
        var paths = _nodeGraph.ShortestPathsDijkstra(e => e.Tag, _origin);
        return paths(_destination, out var path) ? path!.Sum(e => e.Tag) : double.NaN;
    }

    [Benchmark(Description = "Fastest with dwells: Corridors search")]
    public double Fastest_Ours() =>
        _searching.Search(_fastest, _fastest.Constraints, ignoreDates: false, CancellationToken.None)!.Cost;

    [Benchmark(Description = "Fastest with dwells: QuikGraph Dijkstra (line graph)")]
    public double Fastest_QuikGraph()
    {
        var paths = _lineGraph.ShortestPathsDijkstra(e => e.Tag, _lineSource);
        return paths(_lineSink, out var path) ? path!.Sum(e => e.Tag) : double.NaN;
    }

    [Benchmark(Description = "CompareCorridors Xi'an-Duisburg (all corridors, metrics), as served: paths remembered")]
    public int CompareCorridors() => _router.Compare(_fastest).Value!.Comparisons.Count;

    [Benchmark(Description = "CompareCorridors Xi'an-Duisburg (all corridors, metrics), every search run")]
    public int CompareCorridors_Searching() => _searching.Compare(_fastest).Value!.Comparisons.Count;

    [Benchmark(Description = "Pareto front Xi'an-Duisburg (time, distance)")]
    public int Pareto() => _router.FindPareto(_fastest).Value!.Routes.Count;

    [Benchmark(Description = "Best + 3 alternatives Xi'an-Duisburg (Yen)")]
    public int Alternatives() => _router.FindRoutes(_fastest, 3).Value!.Routes.Count;
}

/// <summary>Finds the repository's <c>networks/</c> folder from wherever the benchmark runs.</summary>
internal static class RepositoryRoot
{
    public static string NetworksDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Corridors.sln")))
            {
                return Path.Combine(dir.FullName, "networks");
            }
        }

        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Corridors.sln")))
            {
                return Path.Combine(dir.FullName, "networks");
            }
        }

        throw new DirectoryNotFoundException("Corridors.sln not found above " + AppContext.BaseDirectory);
    }
}
