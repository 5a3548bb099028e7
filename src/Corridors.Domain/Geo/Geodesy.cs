using NetTopologySuite.Geometries;

namespace Corridors.Domain.Geo;

/// <summary>
/// Great-circle distances on a spherical Earth. The one place where kilometres come from coordinates:
/// NTS lengths on lon/lat are planar degrees and must never be used as distances.
/// </summary>
public static class Geodesy
{
    /// <summary>IUGG mean Earth radius R1 = (2a + b) / 3 for WGS84, in km (Moritz, Geodetic Reference System 1980).</summary>
    public const double MeanEarthRadiusKm = 6371.0088;

    /// <summary>
    /// Haversine distance in km between two WGS84 points given in degrees. Error against the ellipsoid is below
    /// 0.5 %, far under the uncertainty of a route's published length. Inputs are not range-checked; NaN in, NaN out.
    /// </summary>
    public static double HaversineKm(double latitude1Deg, double longitude1Deg, double latitude2Deg, double longitude2Deg)
    {
        double phi1 = DegreesToRadians(latitude1Deg);
        double phi2 = DegreesToRadians(latitude2Deg);
        double dPhi = phi2 - phi1;
        double dLambda = DegreesToRadians(longitude2Deg - longitude1Deg);
        double h = Math.Sin(dPhi / 2) * Math.Sin(dPhi / 2)
                   + Math.Cos(phi1) * Math.Cos(phi2) * Math.Sin(dLambda / 2) * Math.Sin(dLambda / 2);
        return 2 * MeanEarthRadiusKm * Math.Asin(Math.Min(1.0, Math.Sqrt(h)));
    }

    /// <summary>Haversine distance in km between two coordinates whose X is longitude and Y latitude (degrees).</summary>
    public static double HaversineKm(Coordinate a, Coordinate b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return HaversineKm(a.Y, a.X, b.Y, b.X);
    }

    /// <summary>Sum of the great-circle lengths in km of a lon/lat line's segments.</summary>
    public static double LengthKm(LineString line)
    {
        ArgumentNullException.ThrowIfNull(line);
        double km = 0;
        for (int i = 1; i < line.NumPoints; i++)
        {
            km += HaversineKm(line.GetCoordinateN(i - 1), line.GetCoordinateN(i));
        }

        return km;
    }

    /// <summary>True when latitude is in [-90, 90], longitude in [-180, 180] and both are finite.</summary>
    public static bool IsValidWgs84(double latitudeDeg, double longitudeDeg) =>
        double.IsFinite(latitudeDeg) && double.IsFinite(longitudeDeg)
        && latitudeDeg is >= -90 and <= 90 && longitudeDeg is >= -180 and <= 180;

    private static double DegreesToRadians(double degrees) => degrees * Math.PI / 180.0;
}
