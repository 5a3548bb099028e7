using NetTopologySuite.Geometries;

namespace Corridors.Domain.Routing;

/// <summary>
/// A route's line, either given or built from the route's directed edges on first read. Building it copies every
/// vertex of every link (a Xi'an–Duisburg comparison holds about 560), which was over half of what a comparison
/// allocated, while most answers are never drawn.
/// </summary>
internal sealed class RouteGeometry
{
    private readonly RoutingGraph? _graph;
    private readonly int[]? _edges;
    private readonly GeometryFactory? _factory;
    private LineString? _line;

    private RouteGeometry(LineString? line, RoutingGraph? graph, int[]? edges, GeometryFactory? factory)
    {
        _line = line;
        _graph = graph;
        _edges = edges;
        _factory = factory;
    }

    /// <summary>A line that is already built.</summary>
    public static RouteGeometry Of(LineString line)
    {
        ArgumentNullException.ThrowIfNull(line);
        return new RouteGeometry(line, null, null, null);
    }

    /// <summary>The line of a path, built when first read. <paramref name="edges"/> must not change afterwards.</summary>
    public static RouteGeometry Lazy(RoutingGraph graph, int[] edges, GeometryFactory factory) => new(null, graph, edges, factory);

    /// <summary>
    /// The line. Two threads reading it first may both build it; one line is kept and both return that one, so
    /// every caller sees the same instance.
    /// </summary>
    public LineString Line => Volatile.Read(ref _line) ?? Publish(Build());

    private LineString Publish(LineString built) => Interlocked.CompareExchange(ref _line, built, null) ?? built;

    /// <summary>Link geometries in travel order, each reversed when travelled backwards, shared vertices once.</summary>
    private LineString Build()
    {
        var coordinates = new List<Coordinate>();
        foreach (int e in _edges!)
        {
            Coordinate[] source = _graph!.EdgeLink(e).Geometry.Coordinates;
            bool forward = _graph.EdgeIsForward(e);
            for (int k = 0; k < source.Length; k++)
            {
                Coordinate c = forward ? source[k] : source[source.Length - 1 - k];
                if (coordinates.Count > 0 && coordinates[^1].Equals2D(c))
                {
                    continue;
                }

                coordinates.Add(c.Copy());
            }
        }

        return _factory!.CreateLineString([.. coordinates]);
    }
}
