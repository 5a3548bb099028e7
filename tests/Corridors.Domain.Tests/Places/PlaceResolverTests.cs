using Corridors.Domain.Network;
using Corridors.Domain.Places;
using Corridors.Domain.Tests.Support;
using static Corridors.Domain.Tests.Support.TestPlaces;

namespace Corridors.Domain.Tests.Places;

public sealed class PlaceResolverTests
{
    private static readonly PlaceResolver Fixture = new(NetworkFixture.LoadValid().Network!);

    /// <summary>Names with the diacritics and punctuation users leave out (coordinates roughly right).</summary>
    private static readonly PlaceResolver World = new(NetworkOf(
        Place("constanta", "Constanța", 44.16, 28.64, "ROCND"),
        Place("lodz", "Łódź Olechów", 51.74, 19.56, "PLLOD"),
        Place("jalal-abad", "Jalal-Abad", 40.93, 73.0),
        Place("zamyn-uud", "Zamyn-Üüd", 43.72, 111.9, null, "Zamiin-Uud"),
        Place("sassnitz", "Sassnitz", 54.5, 13.63, "DESAS", "Saßnitz"),
        Place("tromso", "Tromsø", 69.65, 18.96),
        Place("dostyk", "Dostyk", 45.25, 82.48, null, "Druzhba"),
        Place("druzhba-ua", "Druzhba (Ukraine)", 52.05, 33.95, null, "Druzhba"),
        Place("brest", "Brest", 52.1, 23.7),
        Place("brest-fr", "Brest (France)", 48.38, -4.49, null, "Brest")));

    private static string ResolvedId(PlaceResolver resolver, string query)
    {
        PlaceResolution resolution = resolver.Resolve(query);
        PlaceResolution.Resolved resolved = Assert.IsType<PlaceResolution.Resolved>(resolution);
        return resolved.Place.Id.Value;
    }

    [Theory]
    [InlineData("Xi'an", "xian")]
    [InlineData("Xian", "xian")]
    [InlineData("xi'an", "xian")]
    [InlineData("XI-AN", "xian")]
    [InlineData("xi’an", "xian")]
    [InlineData("Małaszewicze", "malaszewicze")]
    [InlineData("Malaszewicze", "malaszewicze")]
    [InlineData("MALASZEWICZE", "malaszewicze")]
    [InlineData("Klaipeda", "klaipeda")]
    [InlineData("klaipėda", "klaipeda")]
    public void FixtureNames_ResolveIgnoringCaseDiacriticsAndPunctuation(string query, string expectedId)
    {
        Assert.Equal(expectedId, ResolvedId(Fixture, query));
    }

    [Theory]
    [InlineData("Constanta", "constanta")]
    [InlineData("Constanța", "constanta")]
    [InlineData("Lodz Olechow", "lodz")]
    [InlineData("lodz", "lodz")]
    [InlineData("jalal abad", "jalal-abad")]
    [InlineData("Jalal-Abad", "jalal-abad")]
    [InlineData("Zamyn-Uud", "zamyn-uud")]
    [InlineData("zamiin uud", "zamyn-uud")]
    [InlineData("Saßnitz", "sassnitz")]
    [InlineData("Tromso", "tromso")]
    public void LettersWithoutDecomposition_FoldToTheirUsualSpelling(string query, string expectedId)
    {
        Assert.Equal(expectedId, ResolvedId(World, query));
    }

    [Theory]
    [InlineData("CNSHA", "shanghai")]
    [InlineData("nlrtm", "rotterdam")]
    [InlineData("PL MAL", "malaszewicze")]
    public void UnLocode_Resolves(string query, string expectedId)
    {
        Assert.Equal(expectedId, ResolvedId(Fixture, query));
    }

    [Theory]
    [InlineData("dostyk", "dostyk")]
    [InlineData("sassnitz", "sassnitz")]
    [InlineData("Maasvlakte", "rotterdam")]
    [InlineData("Mukran", "sassnitz")]
    [InlineData("Druzhba", "dostyk")]
    public void IdsAndAliases_Resolve(string query, string expectedId)
    {
        Assert.Equal(expectedId, ResolvedId(Fixture, query));
    }

    [Fact]
    public void AliasSharedByTwoPlaces_IsAmbiguousWithBothCandidates()
    {
        PlaceResolution resolution = World.Resolve("druzhba");

        PlaceResolution.Ambiguous ambiguous = Assert.IsType<PlaceResolution.Ambiguous>(resolution);
        Assert.Equal("druzhba", ambiguous.Query);
        Assert.Equal(["dostyk", "druzhba-ua"], ambiguous.Candidates.Select(p => p.Id.Value));
    }

    [Fact]
    public void ExactId_WinsOverAnotherPlacesAlias()
    {
        // "Brest" is the id of the Belarusian border station and an alias of the French port.
        Assert.Equal("brest", ResolvedId(World, "Brest"));
    }

    [Fact]
    public void UnknownName_IsNotFoundWithCloseSpellingsSuggested()
    {
        PlaceResolution resolution = Fixture.Resolve("Dusiburg");

        PlaceResolution.NotFound notFound = Assert.IsType<PlaceResolution.NotFound>(resolution);
        Assert.Equal("Dusiburg", notFound.Query);
        Assert.Equal(["duisburg"], notFound.Suggestions.Select(p => p.Id.Value));
    }

    [Fact]
    public void PrefixOfAName_IsSuggested()
    {
        PlaceResolution.NotFound notFound = Assert.IsType<PlaceResolution.NotFound>(Fixture.Resolve("Rotter"));

        Assert.Equal(["rotterdam"], notFound.Suggestions.Select(p => p.Id.Value));
    }

    [Theory]
    [InlineData("Timbuktu")]
    [InlineData("")]
    [InlineData("  -- ' ")]
    public void NothingClose_IsNotFoundWithoutSuggestions(string query)
    {
        PlaceResolution.NotFound notFound = Assert.IsType<PlaceResolution.NotFound>(Fixture.Resolve(query));

        Assert.Equal(query, notFound.Query);
        Assert.Empty(notFound.Suggestions);
    }

    [Fact]
    public void CoordinateNearDuisburg_FindsDuisburgWithItsDistance()
    {
        // Duisburg terminal at 51.43N 6.76E; 0.01 degrees of latitude north is 1.11 km.
        NearestPlaceResult result = Fixture.Nearest(51.44, 6.76, maxRadiusKm: 5);

        NearestPlaceResult.Found found = Assert.IsType<NearestPlaceResult.Found>(result);
        Assert.Equal("duisburg", found.Place.Id.Value);
        Assert.Equal(1.112, found.DistanceKm, 0.001);
    }

    [Fact]
    public void CoordinateBetweenPlaces_FindsTheCloserOne()
    {
        // Between Rotterdam (4.05E) and Duisburg (6.76E), nearer Rotterdam.
        NearestPlaceResult.Found found = Assert.IsType<NearestPlaceResult.Found>(Fixture.Nearest(51.8, 5.0, maxRadiusKm: 500));

        Assert.Equal("rotterdam", found.Place.Id.Value);
    }

    [Fact]
    public void NoPlaceWithinRadius_IsNoneWithinRadius()
    {
        // Central Germany: Duisburg is about 300 km away.
        NearestPlaceResult result = Fixture.Nearest(50.5, 10.5, maxRadiusKm: 50);

        NearestPlaceResult.NoneWithinRadius none = Assert.IsType<NearestPlaceResult.NoneWithinRadius>(result);
        Assert.Equal(50, none.MaxRadiusKm);
    }

    [Fact]
    public void PlaceJustOutsideTheRadius_IsNotFound()
    {
        // 1.112 km from Duisburg: found at 1.2 km, not at 1.0 km.
        Assert.IsType<NearestPlaceResult.Found>(Fixture.Nearest(51.44, 6.76, 1.2));
        Assert.IsType<NearestPlaceResult.NoneWithinRadius>(Fixture.Nearest(51.44, 6.76, 1.0));
    }

    [Fact]
    public void PlaceAcrossTheAntimeridian_IsFound()
    {
        var resolver = new PlaceResolver(NetworkOf(Place("east", "East", 0, 179.95), Place("far", "Far", 0, 170)));

        // 0.1 degrees of longitude at the equator is 11.1 km.
        NearestPlaceResult.Found found = Assert.IsType<NearestPlaceResult.Found>(resolver.Nearest(0, -179.95, 20));

        Assert.Equal("east", found.Place.Id.Value);
        Assert.Equal(11.12, found.DistanceKm, 0.01);
    }

    [Fact]
    public void PlaceOverThePole_IsFound()
    {
        var resolver = new PlaceResolver(NetworkOf(Place("north", "North", 89.9, -80)));

        // From 89.9N 100E to 89.9N 80W is 0.2 degrees of latitude over the pole: 22.2 km.
        NearestPlaceResult.Found found = Assert.IsType<NearestPlaceResult.Found>(resolver.Nearest(89.9, 100, 30));

        Assert.Equal(22.24, found.DistanceKm, 0.01);
    }

    [Theory]
    [InlineData(double.NaN, 6.76, 5, "latitude NaN")]
    [InlineData(51.44, double.NaN, 5, "longitude NaN")]
    [InlineData(91, 6.76, 5, "latitude 91")]
    [InlineData(51.44, -180.5, 5, "longitude -180.5")]
    [InlineData(51.44, 6.76, 0, "radius 0 km")]
    [InlineData(51.44, 6.76, double.NaN, "radius NaN km")]
    [InlineData(51.44, 6.76, -3, "radius -3 km")]
    public void InvalidCoordinateOrRadius_IsInvalidQueryNotAnException(double latitudeDeg, double longitudeDeg, double radiusKm, string expected)
    {
        NearestPlaceResult result = Fixture.Nearest(latitudeDeg, longitudeDeg, radiusKm);

        NearestPlaceResult.InvalidQuery invalid = Assert.IsType<NearestPlaceResult.InvalidQuery>(result);
        Assert.Contains(expected, invalid.Reason, StringComparison.Ordinal);
    }
}
