using Corridors.Domain.Routing;
using NetTopologySuite.Geometries;

namespace Corridors.Domain.Tests.Routing;

/// <summary>A route's line is built on first read: the same line, once, whoever reads it first.</summary>
public sealed class RouteGeometryTests
{
    private static readonly Lazy<CorridorRouter> Router = new(RouterFactory.Real);

    private static Route Northern() =>
        Router.Value.Compare(RouterFactory.Query("xian", "duisburg")).Value!.Comparisons
            .Single(c => c.Corridor.Id.Value == "northern").Answer.Route!;

    [Fact]
    public void Geometry_IsTheLegsLinkLinesInTravelOrder_SharedVerticesOnce()
    {
        Route route = Northern();

        var expected = new List<Coordinate>();
        foreach (RouteLeg leg in route.Legs)
        {
            IEnumerable<Coordinate> line = leg.Forward ? leg.Link.Geometry.Coordinates : leg.Link.Geometry.Coordinates.Reverse();
            expected.AddRange(line.Where(c => expected.Count == 0 || !expected[^1].Equals2D(c)));
        }

        Assert.Equal(4326, route.Geometry.SRID);
        Assert.Equal(expected.Count, route.Geometry.NumPoints);
        Assert.All(expected.Zip(route.Geometry.Coordinates), pair => Assert.True(pair.First.Equals2D(pair.Second), $"{pair.First} != {pair.Second}"));
    }

    [Fact]
    public void Geometry_ReadFirstByManyThreadsAtOnce_IsOneLine()
    {
        Route route = Northern();

        LineString[] lines = new LineString[16];
        Parallel.For(0, lines.Length, i => lines[i] = route.Geometry);

        Assert.All(lines, line => Assert.Same(lines[0], line));
        Assert.Same(lines[0], route.Geometry);
    }

    [Fact]
    public void Geometry_SetWithInit_IsTheGivenLine()
    {
        Route route = Northern();
        LineString given = TestNetworks.Factory.CreateLineString([new Coordinate(1, 2), new Coordinate(3, 4)]);

        Route replaced = route with { Geometry = given };

        Assert.Same(given, replaced.Geometry);
        Assert.NotSame(given, route.Geometry);
    }
}
