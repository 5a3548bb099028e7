using Corridors.Domain.Geo;
using FsCheck.Xunit;

namespace Corridors.Domain.Tests.Geo;

public sealed class GeodesyTests
{
    [Fact]
    public void ParisToLondon_Is343Point5Km()
    {
        // Paris (48.8566N, 2.3522E) – London (51.5074N, 0.1278W): 343.5 km great circle, from the Movable Type
        // haversine calculator (https://www.movable-type.co.uk/scripts/latlong.html, R = 6371 km).
        double km = Geodesy.HaversineKm(48.8566, 2.3522, 51.5074, -0.1278);

        Assert.Equal(343.5, km, 1.0);
    }

    [Fact]
    public void OneDegreeOfLatitude_Is111Point195Km()
    {
        // 2πR / 360 with the IUGG mean radius 6371.0088 km.
        Assert.Equal(111.195, Geodesy.HaversineKm(10, 20, 11, 20), 0.001);
    }

    [Fact]
    public void Antipodes_AreHalfACircumferenceApart()
    {
        Assert.Equal(Math.PI * Geodesy.MeanEarthRadiusKm, Geodesy.HaversineKm(30, 40, -30, -140), 1e-6);
    }

    [Fact]
    public void AcrossTheAntimeridian_IsTheShortWay()
    {
        // 0.2 degrees of longitude at the equator, not 359.8.
        Assert.Equal(22.239, Geodesy.HaversineKm(0, 179.9, 0, -179.9), 0.001);
    }

    [Theory]
    [InlineData(double.NaN, 0)]
    [InlineData(0, double.PositiveInfinity)]
    [InlineData(90.0001, 0)]
    [InlineData(0, -180.0001)]
    public void OutOfRangeOrNonFinite_IsNotValidWgs84(double latitudeDeg, double longitudeDeg)
    {
        Assert.False(Geodesy.IsValidWgs84(latitudeDeg, longitudeDeg));
    }

    [Property(MaxTest = 500)]
    public bool Distance_IsSymmetricAndBetweenZeroAndHalfACircumference(int lat1, int lon1, int lat2, int lon2)
    {
        // Integers spread over the valid range in hundredths of a degree.
        (double a, double b, double c, double d) = (lat1 % 9001 / 100.0, lon1 % 18001 / 100.0, lat2 % 9001 / 100.0, lon2 % 18001 / 100.0);
        double there = Geodesy.HaversineKm(a, b, c, d);
        double back = Geodesy.HaversineKm(c, d, a, b);
        return Math.Abs(there - back) < 1e-9 && there >= 0 && there <= (Math.PI * Geodesy.MeanEarthRadiusKm) + 1e-9;
    }
}
