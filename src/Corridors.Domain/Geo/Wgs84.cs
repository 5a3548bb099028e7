using NetTopologySuite.Geometries;

namespace Corridors.Domain.Geo;

/// <summary>
/// Creates the geometry factory for WGS84 lon/lat (EPSG:4326). Callers create one and pass it on; the settable
/// global <c>NtsGeometryServices.Instance</c> is never touched.
/// </summary>
public static class Wgs84
{
    /// <summary>EPSG code of WGS84 geographic coordinates.</summary>
    public const int Srid = 4326;

    /// <summary>A new factory with floating precision and SRID 4326.</summary>
    public static GeometryFactory CreateFactory() => new(new PrecisionModel(), Srid);
}
