using System.Text.Json;
using Corridors.Contracts.V1;
using Corridors.Server.Tests.Support;
using Grpc.Core;

namespace Corridors.Server.Tests.Services;

[Collection(SharedServer.Name)]
public sealed class CatalogServiceTests(SharedServer server)
{
    private readonly CatalogService.CatalogServiceClient _client = new(server.Factory.CreateChannel());

    [Fact]
    public async Task ListCorridors_GivesTheFiveCorridorsInRegistryOrderWithTheirNetworkKm()
    {
        ListCorridorsResponse response = await _client.ListCorridorsAsync(new ListCorridorsRequest(), deadline: Bounded.Deadline()).Within();

        Assert.Equal(["northern", "middle", "maritime", "maritime-cape", "cku"], response.Corridors.Select(c => c.Id));
        Assert.Matches("^[0-9a-f]{12}$", response.NetworkVersion);
        Assert.All(response.Corridors, c =>
        {
            Assert.NotEmpty(c.Name);
            Assert.True(c.LinkCount > 0, c.Id);
            Assert.True(c.NetworkKm > 0, c.Id);
        });
        Assert.Contains("xian", response.Corridors[0].ChinaPlaceIds);
    }

    [Fact]
    public async Task GetCorridor_Northern_GivesItsLinksAndAGeoJsonFeatureCollectionOfThem()
    {
        GetCorridorResponse response = await _client.GetCorridorAsync(new GetCorridorRequest { CorridorId = "northern" }, deadline: Bounded.Deadline()).Within();

        Assert.Equal("northern", response.Corridor.Id);
        Assert.Equal(response.Corridor.LinkCount, response.Links.Count);
        Assert.Equal(response.Corridor.NetworkKm, response.Links.Sum(l => l.DistanceKm), 0.01);
        using JsonDocument geo = JsonDocument.Parse(response.GeometryGeojson);
        Assert.Equal("FeatureCollection", geo.RootElement.GetProperty("type").GetString());
        JsonElement[] features = [.. geo.RootElement.GetProperty("features").EnumerateArray()];
        Assert.Equal(response.Links.Select(l => l.Id), features.Select(f => f.GetProperty("id").GetString()));
        JsonElement first = features[0];
        Assert.Equal("LineString", first.GetProperty("geometry").GetProperty("type").GetString());
        JsonElement position = first.GetProperty("geometry").GetProperty("coordinates")[0];
        Assert.InRange(position[0].GetDouble(), -180, 180); // longitude first (RFC 7946)
        Assert.InRange(position[1].GetDouble(), -90, 90);
    }

    [Fact]
    public async Task GetCorridor_UnknownId_IsNotFoundListingTheKnownCorridors()
    {
        RichError error = await _client.GetCorridorAsync(new GetCorridorRequest { CorridorId = "arctic" }, deadline: Bounded.Deadline())
            .Fails(StatusCode.NotFound);

        Assert.Equal(["corridor_id"], error.Fields);
        Assert.Equal("CORRIDOR_NOT_FOUND", error.ErrorInfo.Reason);
        Assert.Equal("northern,middle,maritime,maritime-cape,cku", error.ErrorInfo.Metadata["corridor_id"]);
    }

    [Fact]
    public async Task GetCorridor_EmptyId_IsInvalidArgument()
    {
        RichError error = await _client.GetCorridorAsync(new GetCorridorRequest(), deadline: Bounded.Deadline()).Fails(StatusCode.InvalidArgument);

        Assert.Equal(["corridor_id"], error.Fields);
        Assert.Equal("is required", error.DescriptionOf("corridor_id"));
    }

    [Fact]
    public async Task ListSources_GivesEverySourceOrderedById_SoEveryCitedIdInAnAnswerResolves()
    {
        ListSourcesResponse response = await _client.ListSourcesAsync(new ListSourcesRequest(), deadline: Bounded.Deadline()).Within();
        var comparison = new ComparisonService.ComparisonServiceClient(server.Factory.CreateChannel());
        CompareCorridorsResponse answer = await comparison.CompareCorridorsAsync(
            new CompareCorridorsRequest { Origin = "xian", Destination = "duisburg", Constraints = new RouteConstraints { AsOf = "2024-06-01" } },
            deadline: Bounded.Deadline()).Within();

        string[] ids = [.. response.Sources.Select(s => s.Id)];
        Assert.Equal(ids.Order(StringComparer.Ordinal), ids);
        Assert.Equal(ids.Length, ids.Distinct().Count());
        Assert.All(response.Sources, s => Assert.NotEmpty(s.Title));
        Assert.All(response.Sources, s => Assert.Equal(s.Title.StartsWith("Assumption", StringComparison.Ordinal), s.Url.Length == 0));
        Assert.All(response.Sources.Where(s => s.Url.Length > 0), s => Assert.True(Uri.TryCreate(s.Url, UriKind.Absolute, out Uri? url) && url.Scheme is "https" or "http", s.Id));
        string[] cited = [.. answer.Comparisons.SelectMany(c => c.SanctionRisk.Exposures).SelectMany(e => e.SourceIds).Distinct()];
        Assert.NotEmpty(cited);
        Assert.All(cited, id => Assert.Contains(id, ids));
    }

    [Fact]
    public async Task ListPlaces_ByCountryAndKind_GivesOnlyThoseOrderedById()
    {
        ListPlacesResponse german = await _client.ListPlacesAsync(new ListPlacesRequest { Country = "de" }, deadline: Bounded.Deadline()).Within();
        ListPlacesResponse chokepoints = await _client.ListPlacesAsync(new ListPlacesRequest { Kind = PlaceKind.Chokepoint }, deadline: Bounded.Deadline()).Within();

        Assert.Contains(german.Places, p => p.Id == "duisburg" && p.Unlocode == "DEDUI");
        Assert.All(german.Places, p => Assert.Equal("DE", p.Country));
        Assert.Equal(german.Places.Select(p => p.Id).Order(StringComparer.Ordinal), german.Places.Select(p => p.Id));
        Assert.Contains(chokepoints.Places, p => p.Id == "suez");
        Assert.All(chokepoints.Places, p => Assert.Equal(PlaceKind.Chokepoint, p.Kind));
    }

    [Fact]
    public async Task ListPlaces_BadCountry_IsInvalidArgument()
    {
        RichError error = await _client.ListPlacesAsync(new ListPlacesRequest { Country = "Germany" }, deadline: Bounded.Deadline())
            .Fails(StatusCode.InvalidArgument);

        Assert.Equal(["country"], error.Fields);
    }

    [Theory]
    [InlineData("Xian", "xian")]
    [InlineData("xi'an", "xian")]
    [InlineData("CNCKG", "chongqing")]
    [InlineData("Chungking", "chongqing")]
    [InlineData("Malaszewicze", "malaszewicze")]
    public async Task ResolvePlace_ByNameAliasOrLocode_ResolvesToThePlace(string text, string id)
    {
        ResolvePlaceResponse response = await _client.ResolvePlaceAsync(new ResolvePlaceRequest { Text = text }, deadline: Bounded.Deadline()).Within();

        Assert.Equal(PlaceMatch.Resolved, response.Match);
        Assert.Equal(id, response.Place.Id);
        Assert.Empty(response.Candidates);
    }

    [Fact]
    public async Task ResolvePlace_NearDuisburg_GivesDuisburgAndItsDistance()
    {
        ResolvePlaceResponse response = await _client.ResolvePlaceAsync(
            new ResolvePlaceRequest { Location = new LatLng { LatitudeDeg = 51.45, LongitudeDeg = 6.75 } }, deadline: Bounded.Deadline()).Within();

        Assert.Equal(PlaceMatch.Nearest, response.Match);
        Assert.Equal("duisburg", response.Place.Id);
        Assert.InRange(response.DistanceKm, 0, 15);
    }

    [Fact]
    public async Task ResolvePlace_MidAtlanticWithASmallRadius_IsNotFound()
    {
        RichError error = await _client.ResolvePlaceAsync(
            new ResolvePlaceRequest { Location = new LatLng { LatitudeDeg = 30, LongitudeDeg = -40 }, MaxDistanceKm = 50 },
            deadline: Bounded.Deadline()).Fails(StatusCode.NotFound);

        Assert.Equal(["location"], error.Fields);
        Assert.Equal("PLACE_NOT_FOUND", error.ErrorInfo.Reason);
    }

    [Theory]
    [InlineData(double.NaN, 10.0, "location")]
    [InlineData(91.0, 10.0, "location")]
    [InlineData(10.0, -181.0, "location")]
    public async Task ResolvePlace_BadCoordinate_IsInvalidArgument(double latitudeDeg, double longitudeDeg, string field)
    {
        RichError error = await _client.ResolvePlaceAsync(
            new ResolvePlaceRequest { Location = new LatLng { LatitudeDeg = latitudeDeg, LongitudeDeg = longitudeDeg } },
            deadline: Bounded.Deadline()).Fails(StatusCode.InvalidArgument);

        Assert.Equal([field], error.Fields);
        Assert.Contains("must be finite with latitude in [-90, 90]", error.DescriptionOf(field), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ResolvePlace_NegativeRadius_IsInvalidArgument()
    {
        RichError error = await _client.ResolvePlaceAsync(
            new ResolvePlaceRequest { Location = new LatLng { LatitudeDeg = 51, LongitudeDeg = 7 }, MaxDistanceKm = -1 },
            deadline: Bounded.Deadline()).Fails(StatusCode.InvalidArgument);

        Assert.Equal(["max_distance_km"], error.Fields);
    }

    [Fact]
    public async Task ResolvePlace_NothingSet_IsInvalidArgument()
    {
        RichError error = await _client.ResolvePlaceAsync(new ResolvePlaceRequest(), deadline: Bounded.Deadline()).Fails(StatusCode.InvalidArgument);

        Assert.Equal(["query"], error.Fields);
    }

    [Fact]
    public async Task ResolvePlace_Unknown_IsNotFoundWithSuggestions()
    {
        RichError error = await _client.ResolvePlaceAsync(new ResolvePlaceRequest { Text = "Hamburgg" }, deadline: Bounded.Deadline())
            .Fails(StatusCode.NotFound);

        Assert.Equal(["text"], error.Fields);
        Assert.Contains("hamburg", error.ErrorInfo.Metadata["text"].Split(','));
    }
}
