using Corridors.Domain.Geo;
using Corridors.Domain.Network;

namespace Corridors.Domain.Tests.Support;

/// <summary>Places and networks built in memory, for tests that need names the fixture does not have.</summary>
internal static class TestPlaces
{
    private static readonly NetTopologySuite.Geometries.GeometryFactory Factory = Wgs84.CreateFactory();

    public static Place Place(string id, string name, double latitudeDeg, double longitudeDeg, string? unlocode = null, params string[] aliases) =>
        new(new PlaceId(id), name, aliases, "XX", unlocode, PlaceKind.City,
            Factory.CreatePoint(new NetTopologySuite.Geometries.Coordinate(longitudeDeg, latitudeDeg)), [], [], "test.geojson");

    public static CorridorNetwork NetworkOf(params Place[] places) => new(places, [], [], []);
}
