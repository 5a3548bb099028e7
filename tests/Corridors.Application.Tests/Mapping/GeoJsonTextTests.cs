using Corridors.Application.Mapping;
using Corridors.Domain.Network;
using Corridors.Domain.Routing;

namespace Corridors.Application.Tests.Mapping;

/// <summary>
/// A route's GeoJSON joined from per-link text must be the very text of its geometry written point by point:
/// differential over every corridor's route between many real places, both directions, several dates.
/// </summary>
public sealed class GeoJsonTextTests
{
    public static TheoryData<string, string, string> Pairs => new()
    {
        { "xian", "duisburg", "2026-11-29" },
        { "duisburg", "xian", "2023-06-01" },
        { "shanghai", "rotterdam", "2024-06-01" },
        { "chongqing", "hamburg", "2019-03-15" },
        { "kashgar", "tashkent", "2032-01-01" },
        { "yiwu", "madrid", "2026-11-29" },
        { "baku", "poti", "2026-11-29" },
        { "almaty", "istanbul", "2025-01-01" },
    };

    [Theory]
    [MemberData(nameof(Pairs))]
    public void RouteText_IsTheGeometryWrittenPointByPoint(string from, string to, string asOf)
    {
        CorridorRouter router = RealNetwork.Router;
        var query = new RouteQuery
        {
            Origin = new PlaceId(from),
            Destination = new PlaceId(to),
            Constraints = new RouteConstraints { AsOf = DateOnly.Parse(asOf, System.Globalization.CultureInfo.InvariantCulture), IncludePlanned = true },
        };

        Route[] routes = [.. router.Compare(query).Value!.Comparisons.Select(c => c.Answer.Route).OfType<Route>()];

        Assert.NotEmpty(routes);
        foreach (Route route in routes)
        {
            Assert.Equal(GeoJsonText.LineString(route.Geometry), GeoJsonText.Route(route));
        }
    }

    [Fact]
    public void RouteText_IsALineStringWithLonLatPairs()
    {
        var query = new RouteQuery { Origin = new PlaceId("xian"), Destination = new PlaceId("duisburg"), Constraints = new RouteConstraints { AsOf = RealNetwork.ReviewDay } };
        Route route = RealNetwork.Router.Compare(query).Value!.Comparisons.First(c => c.Answer.Route is not null).Answer.Route!;

        string text = GeoJsonText.Route(route);

        Assert.StartsWith("{\"type\":\"LineString\",\"coordinates\":[[", text, StringComparison.Ordinal);
        using var document = System.Text.Json.JsonDocument.Parse(text);
        System.Text.Json.JsonElement coordinates = document.RootElement.GetProperty("coordinates");
        Assert.Equal(route.Geometry.NumPoints, coordinates.GetArrayLength());
        Assert.InRange(coordinates[0][0].GetDouble(), 108.5, 109.5); // Xi'an: about 109° E, 34.3° N
        Assert.InRange(coordinates[0][1].GetDouble(), 34.0, 34.6);
    }
}
