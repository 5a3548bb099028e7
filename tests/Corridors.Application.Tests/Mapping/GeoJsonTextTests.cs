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

    [Fact]
    public void RouteText_IsKeptPerPath_AndSharedWithItsUtf8Bytes()
    {
        Route Northern(string asOf, Domain.Risk.Regime[] regimes) =>
            RealNetwork.Router.Compare(new RouteQuery
            {
                Origin = new PlaceId("xian"),
                Destination = new PlaceId("duisburg"),
                Constraints = new RouteConstraints { AsOf = DateOnly.Parse(asOf, System.Globalization.CultureInfo.InvariantCulture) },
                Regimes = new HashSet<Domain.Risk.Regime>(regimes),
            }).Value!.Comparisons.Single(c => c.Corridor.Id.Value == "northern").Answer.Route!;

        Route first = Northern("2026-11-29", [Domain.Risk.Regime.EU]);
        Route otherDayAndShipper = Northern("2026-12-01", []);
        Route middle = RealNetwork.Router.Compare(new RouteQuery { Origin = new PlaceId("xian"), Destination = new PlaceId("duisburg"), Constraints = new RouteConstraints { AsOf = RealNetwork.ReviewDay } })
            .Value!.Comparisons.Single(c => c.Corridor.Id.Value == "middle").Answer.Route!;

        Assert.Equal(first.Legs, otherDayAndShipper.Legs); // the same path, the same leg objects
        string text = GeoJsonText.Route(first);
        Assert.Same(text, GeoJsonText.Route(otherDayAndShipper));
        Assert.Equal(System.Text.Encoding.UTF8.GetBytes(text), SharedMessages.EncodedText(text)!.ToByteArray());
        Assert.NotEqual(text, GeoJsonText.Route(middle));
        Assert.Equal(GeoJsonText.LineString(middle.Geometry), GeoJsonText.Route(middle));
        Assert.Null(SharedMessages.EncodedText(new string(text.AsSpan()))); // an equal string written elsewhere is not listed
    }
}
