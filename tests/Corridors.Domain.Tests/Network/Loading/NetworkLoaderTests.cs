using Corridors.Domain.Network;
using Corridors.Domain.Network.Loading;
using Corridors.Domain.Network.Validation;
using Corridors.Domain.Tests.Support;

namespace Corridors.Domain.Tests.Network.Loading;

public sealed class NetworkLoaderTests
{
    [Fact]
    public void ValidFixture_LoadsEveryPlaceLinkCorridorAndSource()
    {
        NetworkLoadResult result = NetworkFixture.LoadValid();

        Assert.True(result.IsValid, string.Join("\n", result.Problems));
        Assert.Empty(result.Problems);
        CorridorNetwork network = result.Network;
        Assert.Equal(8, network.Places.Count);
        Assert.Equal(9, network.Links.Count);
        Assert.Equal(["overland", "maritime"], network.Corridors.Select(c => c.Id.Value));
        Assert.Equal(6, network.Sources.Count);
    }

    [Fact]
    public void ValidFixture_PlaceCarriesNameDwellsAndFile()
    {
        CorridorNetwork network = NetworkFixture.LoadValid().Network!;

        Place malaszewicze = network.GetPlace(new PlaceId("malaszewicze"));
        Assert.Equal("Małaszewicze", malaszewicze.Name);
        Assert.Equal(PlaceKind.BorderCrossing, malaszewicze.Kind);
        Assert.Equal("PLMAL", malaszewicze.UnLocode);
        Assert.Equal(52.03, malaszewicze.Location.Y, 6);
        Assert.Equal(23.53, malaszewicze.Location.X, 6);
        Assert.Equal(4326, malaszewicze.Location.SRID);
        Dwell gaugeBreak = malaszewicze.DwellOf(DwellKind.GaugeBreak)!;
        Assert.Equal((2.0, 6.0, 24.0), (gaugeBreak.Hours.Min, gaugeBreak.Hours.Typical, gaugeBreak.Hours.Max));
        Assert.Equal(["FX-04"], gaugeBreak.Hours.Provenance.SourceIds);
        Assert.Equal("places.geojson", malaszewicze.File);
        Assert.Null(network.GetPlace(new PlaceId("dostyk")).UnLocode);
    }

    [Fact]
    public void ValidFixture_LinkCarriesFiguresStatusAndOptionalFields()
    {
        CorridorNetwork network = NetworkFixture.LoadValid().Network!;

        Link rail = network.GetLink(new LinkId("xian-dostyk"));
        Assert.Equal(TransportMode.Rail, rail.Mode);
        Assert.Equal(1435, rail.GaugeMm);
        Assert.Equal(3064, rail.DistanceKm.Value);
        Assert.True(rail.DistanceKm.Provenance.IsDerived);
        Assert.Equal((30.0, 45.0, 54.0), (rail.SpeedKmh!.Min, rail.SpeedKmh.Typical, rail.SpeedKmh.Max));
        Assert.Null(rail.DurationHours);
        Assert.Equal(["CN", "KZ"], rail.Countries);
        Assert.Equal("China Railway", rail.Operator);
        Assert.Equal(new CapacityFigure(20, "Mt/yr", rail.Capacity!.Provenance), rail.Capacity);
        Assert.Equal(3, rail.Geometry.NumPoints);
        Assert.False(rail.OneWay);

        Link planned = network.GetLink(new LinkId("dostyk-klaipeda"));
        Assert.Equal(LinkStatus.Planned, planned.Status);
        Assert.Equal(new DateOnly(2030, 1, 1), planned.Opens!.Date);

        Link ferry = network.GetLink(new LinkId("klaipeda-sassnitz"));
        Assert.Equal(TransportMode.Ferry, ferry.Mode);
        Assert.Null(ferry.GaugeMm);
        Assert.Equal(20, ferry.DurationHours!.Typical);
    }

    [Fact]
    public void ValidFixture_SourcesCsvKeepsQuotedCommasAndDoubledQuotes()
    {
        CorridorNetwork network = NetworkFixture.LoadValid().Network!;

        Assert.True(network.TryGetSource("FX-02", out Source timetable));
        Assert.Equal("Fixture timetable \"speeds\", durations and opening dates", timetable.Title);
        Assert.True(network.TryGetSource("FX-05", out Source ports));
        Assert.Equal("Quoted \"note\", with a comma", ports.Notes);
        Assert.True(network.TryGetSource("A-FX-CIRC", out Source assumption));
        Assert.Equal("", assumption.Url);
        Assert.True(network.TryGetSource("FX-04", out Source polish));
        Assert.Equal("", polish.Notes);
    }

    [Fact]
    public void MissingFolder_IsOneMissingFileProblem()
    {
        string missing = Path.Combine(Path.GetTempPath(), "corridors-no-such-folder-" + Guid.NewGuid().ToString("N"));

        NetworkLoadResult result = new NetworkLoader(Corridors.Domain.Geo.Wgs84.CreateFactory()).Load(missing);

        NetworkProblem problem = ProblemAssert.Single(result, NetworkRule.MissingFile);
        Assert.Contains("does not exist", problem.Message, StringComparison.Ordinal);
        Assert.Single(result.Problems);
    }

    [Theory]
    [InlineData("sources.csv")]
    [InlineData("corridors.json")]
    public void MissingRequiredFile_IsReportedByName(string file)
    {
        using NetworkFixture fixture = NetworkFixture.CopyOfValid().Delete(file);

        NetworkLoadResult result = fixture.Load();

        NetworkProblem problem = ProblemAssert.Single(result, NetworkRule.MissingFile);
        ProblemAssert.Problem(problem, file, null, null, $"'{file}' is missing");
    }

    [Fact]
    public void MalformedJson_IsReportedWithLineAndNotThrown()
    {
        using NetworkFixture fixture = NetworkFixture.CopyOfValid().WriteText("maritime.geojson", "{\n  \"type\": \"FeatureCollection\",\n  \"features\": [\n    {\"id\" \"x\"}\n  ]\n}\n");

        NetworkLoadResult result = fixture.Load();

        NetworkProblem problem = ProblemAssert.Single(result, NetworkRule.MalformedJson);
        ProblemAssert.Problem(problem, "maritime.geojson", null, null, "malformed JSON at line 4");
    }

    [Fact]
    public void DuplicatePropertyInJson_IsMalformedNotSilentlyOverwritten()
    {
        using NetworkFixture fixture = NetworkFixture.CopyOfValid().WriteText("corridors.json", "{\"corridors\": [], \"corridors\": []}");

        NetworkLoadResult result = fixture.Load();

        NetworkProblem problem = ProblemAssert.Single(result, NetworkRule.MalformedJson);
        ProblemAssert.Problem(problem, "corridors.json", null, null, "Duplicate property 'corridors'");
    }

    [Fact]
    public void StringWhereNumberExpected_IsWrongTypeNamingFieldAndValue()
    {
        using NetworkFixture fixture = NetworkFixture.CopyOfValid()
            .EditProperties("access.geojson", "xian-shanghai", p => p["distanceKm"]!["value"] = "1463");

        NetworkLoadResult result = fixture.Load();

        NetworkProblem problem = ProblemAssert.Single(result, NetworkRule.WrongType);
        ProblemAssert.Problem(problem, "access.geojson", "xian-shanghai", "distanceKm.value", "expected a number but found string \"1463\"");
        ProblemAssert.OnlyRules(result, NetworkRule.WrongType);
    }

    [Fact]
    public void MissingRequiredProperty_NamesTheProperty()
    {
        using NetworkFixture fixture = NetworkFixture.CopyOfValid()
            .EditProperties("places.geojson", "duisburg", p => p.Remove("country"));

        NetworkLoadResult result = fixture.Load();

        NetworkProblem problem = ProblemAssert.Single(result, NetworkRule.MissingProperty);
        ProblemAssert.Problem(problem, "places.geojson", "duisburg", "country", "required property 'country' is missing");
        // The broken place is still declared: links to it are not also reported as unknown.
        ProblemAssert.OnlyRules(result, NetworkRule.MissingProperty);
    }

    [Fact]
    public void UnknownProperty_IsReportedNotIgnored()
    {
        using NetworkFixture fixture = NetworkFixture.CopyOfValid()
            .EditProperties("access.geojson", "rotterdam-duisburg", p => p["gauge"] = 1435);

        NetworkLoadResult result = fixture.Load();

        NetworkProblem problem = ProblemAssert.Single(result, NetworkRule.UnknownProperty);
        ProblemAssert.Problem(problem, "access.geojson", "rotterdam-duisburg", "gauge", "unknown property 'gauge'", "gaugeMm");
    }

    [Fact]
    public void UnknownFeatureType_ListsAllowedValues()
    {
        using NetworkFixture fixture = NetworkFixture.CopyOfValid()
            .EditProperties("places.geojson", "xian", p => p["featureType"] = "station");

        NetworkLoadResult result = fixture.Load();

        NetworkProblem problem = ProblemAssert.Single(result, NetworkRule.UnknownFeatureType);
        ProblemAssert.Problem(problem, "places.geojson", "xian", "featureType", "'station'", "allowed: place, link");
    }

    [Fact]
    public void PlaceWithLineGeometry_IsInvalidGeometry()
    {
        using NetworkFixture fixture = NetworkFixture.CopyOfValid()
            .EditFeature("places.geojson", "duisburg", f => f["geometry"] = System.Text.Json.Nodes.JsonNode.Parse("""{"type": "LineString", "coordinates": [[6.76, 51.43], [6.8, 51.4]]}"""));

        NetworkLoadResult result = fixture.Load();

        NetworkProblem problem = ProblemAssert.Single(result, NetworkRule.InvalidGeometry);
        ProblemAssert.Problem(problem, "places.geojson", "duisburg", "geometry.type", "a place needs a Point");
    }

    [Fact]
    public void PositionWithoutLatitude_IsInvalidGeometry()
    {
        using NetworkFixture fixture = NetworkFixture.CopyOfValid()
            .EditFeature("access.geojson", "xian-shanghai", f => f["geometry"]!["coordinates"]![1] = System.Text.Json.Nodes.JsonNode.Parse("[121.6]"));

        NetworkLoadResult result = fixture.Load();

        NetworkProblem problem = ProblemAssert.Single(result, NetworkRule.InvalidGeometry);
        ProblemAssert.Problem(problem, "access.geojson", "xian-shanghai", "geometry.coordinates[1]", "[longitude, latitude]", "[121.6]");
    }

    [Fact]
    public void FeatureWithoutId_IsNamedByPosition()
    {
        using NetworkFixture fixture = NetworkFixture.CopyOfValid()
            .EditFeature("maritime.geojson", "shanghai-rotterdam", f => f.Remove("id"));

        NetworkLoadResult result = fixture.Load();

        NetworkProblem problem = ProblemAssert.Single(result, NetworkRule.MissingProperty);
        ProblemAssert.Problem(problem, "maritime.geojson", "features[0]", "id", "required property 'id' is missing");
    }

    [Fact]
    public void MalformedCsvRow_NamesTheLine()
    {
        using NetworkFixture fixture = NetworkFixture.CopyOfValid()
            .AppendText("sources.csv", "FX-09,Title, with an unquoted comma,https://example.org,2024,notes\n");

        NetworkLoadResult result = fixture.Load();

        NetworkProblem problem = ProblemAssert.Single(result, NetworkRule.MalformedCsv);
        ProblemAssert.Problem(problem, "sources.csv", "FX-09", "line 8", "row has 6 fields; expected 5");
    }

    [Fact]
    public void UnclosedQuoteInCsv_IsMalformed()
    {
        using NetworkFixture fixture = NetworkFixture.CopyOfValid()
            .AppendText("sources.csv", "FX-09,\"Title never closed,https://example.org,2024,notes\n");

        NetworkLoadResult result = fixture.Load();

        NetworkProblem problem = ProblemAssert.Single(result, NetworkRule.MalformedCsv);
        ProblemAssert.Problem(problem, "sources.csv", null, "line 8", "never closed");
    }

    [Fact]
    public void InvalidNetwork_ReturnsNoNetworkAndAllProblemsAtOnce()
    {
        using NetworkFixture fixture = NetworkFixture.CopyOfValid()
            .EditProperties("access.geojson", "xian-shanghai", p => p["mode"] = "train")
            .EditProperties("places.geojson", "duisburg", p => p["country"] = "Germany")
            .EditProperties("maritime.geojson", "shanghai-rotterdam", p => p["status"] = "open");

        NetworkLoadResult result = fixture.Load();

        Assert.Null(result.Network);
        Assert.Equal(
            [NetworkRule.UnknownMode, NetworkRule.UnknownStatus, NetworkRule.InvalidCountryCode],
            result.Problems.Select(p => p.Rule));
        Assert.Equal(["access.geojson", "maritime.geojson", "places.geojson"], result.Problems.Select(p => p.File));
    }

    [Fact]
    public void ProblemText_IsFileFeatureFieldMessageAndKebabRule()
    {
        var problem = new NetworkProblem("northern.geojson", "brest-malaszewicze", "gaugeMm", NetworkRule.RailLinkWithoutGauge, "rail link has no gaugeMm");

        Assert.Equal("northern.geojson: brest-malaszewicze: gaugeMm: rail link has no gaugeMm [rail-link-without-gauge]", problem.ToString());
        Assert.Equal("sources.csv: header wrong [malformed-csv]", new NetworkProblem("sources.csv", null, null, NetworkRule.MalformedCsv, "header wrong").ToString());
    }
}
