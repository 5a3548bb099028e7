using System.Text.Json.Nodes;
using Corridors.Domain.Network;
using Corridors.Domain.Network.Loading;
using Corridors.Domain.Network.Validation;
using Corridors.Domain.Tests.Support;

namespace Corridors.Domain.Tests.Network.Validation;

/// <summary>
/// One mutation of the valid fixture per validation rule, each asserting the rule, where it points and the key
/// text or number of its message. Geodesics quoted below are haversine km between the fixture's coordinates.
/// </summary>
public sealed class NetworkValidatorTests
{
    private const string Places = "places.geojson";
    private const string Access = "access.geojson";
    private const string Overland = "overland.geojson";
    private const string Maritime = "maritime.geojson";

    private static NetworkLoadResult Load(Action<NetworkFixture> mutate)
    {
        using NetworkFixture fixture = NetworkFixture.CopyOfValid();
        mutate(fixture);
        return fixture.Load();
    }

    private static void EditPlace(NetworkFixture f, string id, Action<JsonObject> edit) => f.EditProperties(Places, id, edit);

    private static void RemoveDwell(JsonObject place, string kind)
    {
        JsonArray dwells = place["dwells"]!.AsArray();
        dwells.Remove(dwells.Single(d => (string?)d!["kind"] == kind));
    }

    [Fact]
    public void ValidFixture_HasNoProblems()
    {
        NetworkLoadResult result = NetworkFixture.LoadValid();

        Assert.Empty(result.Problems);
    }

    [Fact]
    public void InMemoryNetwork_ValidatesLikeTheLoadedOne()
    {
        CorridorNetwork network = NetworkFixture.LoadValid().Network!;
        NetworkDraft draft = NetworkDraft.FromObjects(network.Places, network.Links, network.Corridors, network.Sources);

        Assert.Empty(NetworkValidator.Validate(draft));
    }

    [Fact]
    public void SameIdInTwoFiles_IsDuplicateIdNamingBothFiles()
    {
        NetworkLoadResult result = Load(f => f.AddFeature(Maritime,
            """{"type": "Feature", "id": "duisburg", "geometry": {"type": "Point", "coordinates": [6.76, 51.43]}, "properties": {"featureType": "place", "name": "Duisburg", "country": "DE", "kind": "city"}}"""));

        NetworkProblem problem = ProblemAssert.Single(result, NetworkRule.DuplicateId);
        ProblemAssert.Problem(problem, Places, "duisburg", "id", "id 'duisburg' is defined 2 times: maritime.geojson (place), places.geojson (place)");
        ProblemAssert.OnlyRules(result, NetworkRule.DuplicateId);
    }

    [Fact]
    public void UppercaseId_IsInvalidIdShape()
    {
        NetworkLoadResult result = Load(f => f.EditFeature(Access, "rotterdam-duisburg", l => l["id"] = "Rotterdam_Duisburg"));

        NetworkProblem problem = ProblemAssert.Single(result, NetworkRule.InvalidIdShape);
        ProblemAssert.Problem(problem, Access, "Rotterdam_Duisburg", "id", "'Rotterdam_Duisburg' must be lowercase ASCII");
        ProblemAssert.OnlyRules(result, NetworkRule.InvalidIdShape);
    }

    [Fact]
    public void LinkToUnknownPlace_IsUnknownPlace()
    {
        NetworkLoadResult result = Load(f => f.EditProperties(Access, "sassnitz-duisburg", l => l["from"] = "mukran"));

        NetworkProblem problem = ProblemAssert.Single(result, NetworkRule.UnknownPlace);
        ProblemAssert.Problem(problem, Access, "sassnitz-duisburg", "from", "no place has id 'mukran'");
        ProblemAssert.OnlyRules(result, NetworkRule.UnknownPlace);
    }

    [Fact]
    public void LinkToALink_IsUnknownPlaceSayingItIsALink()
    {
        NetworkLoadResult result = Load(f => f.EditProperties(Access, "sassnitz-duisburg", l => l["to"] = "rotterdam-duisburg"));

        NetworkProblem problem = ProblemAssert.Single(result, NetworkRule.UnknownPlace);
        ProblemAssert.Problem(problem, Access, "sassnitz-duisburg", "to", "'rotterdam-duisburg' is a link, not a place");
    }

    [Fact]
    public void CorridorEndThatIsNoPlace_IsUnknownPlace()
    {
        NetworkLoadResult result = Load(f => f.EditJson("corridors.json", r => r["corridors"]![0]!["europePlaces"] = new JsonArray("duisburg", "paris")));

        NetworkProblem problem = ProblemAssert.Single(result, NetworkRule.UnknownPlace);
        ProblemAssert.Problem(problem, "corridors.json", "overland", "europePlaces[1]", "no place has id 'paris'");
        ProblemAssert.OnlyRules(result, NetworkRule.UnknownPlace);
    }

    [Fact]
    public void LatitudeAbove90_IsInvalidCoordinate()
    {
        NetworkLoadResult result = Load(f => f.EditFeature(Places, "duisburg", p => p["geometry"]!["coordinates"] = new JsonArray(6.76, 95.0)));

        NetworkProblem problem = ProblemAssert.Single(result, NetworkRule.InvalidCoordinate);
        ProblemAssert.Problem(problem, Places, "duisburg", "geometry.coordinates", "[longitude 6.76, latitude 95]", "latitude in [-90, 90]");
        ProblemAssert.OnlyRules(result, NetworkRule.InvalidCoordinate);
    }

    [Fact]
    public void LongitudeTooLargeForADouble_IsInvalidCoordinateNotAnException()
    {
        NetworkLoadResult result = Load(f => f.WriteText(Maritime,
            File.ReadAllText(Path.Combine(NetworkFixture.ValidDirectory, Maritime)).Replace("[80.0, 6.0]", "[1e999, 6.0]", StringComparison.Ordinal)));

        NetworkProblem problem = ProblemAssert.Single(result, NetworkRule.InvalidCoordinate);
        ProblemAssert.Problem(problem, Maritime, "shanghai-rotterdam", "geometry.coordinates[3]", "longitude Infinity", "must be finite");
    }

    [Theory]
    [InlineData("Germany")]
    [InlineData("de")]
    public void CountryNotTwoUppercaseLetters_IsInvalidCountryCode(string country)
    {
        NetworkLoadResult result = Load(f => EditPlace(f, "duisburg", p => p["country"] = country));

        NetworkProblem problem = ProblemAssert.Single(result, NetworkRule.InvalidCountryCode);
        ProblemAssert.Problem(problem, Places, "duisburg", "country", $"country code '{country}'", "ISO 3166-1 alpha-2");
    }

    [Fact]
    public void LinkCountryInLowercase_IsInvalidCountryCode()
    {
        NetworkLoadResult result = Load(f => f.EditProperties(Access, "rotterdam-duisburg", l => l["countries"] = new JsonArray("NL", "de")));

        NetworkProblem problem = ProblemAssert.Single(result, NetworkRule.InvalidCountryCode);
        ProblemAssert.Problem(problem, Access, "rotterdam-duisburg", "countries[1]", "'de'");
    }

    [Theory]
    [InlineData("DE DUI")]
    [InlineData("DEDU1")]
    [InlineData("dedui")]
    public void MalformedUnLocode_IsInvalidUnLocode(string unlocode)
    {
        NetworkLoadResult result = Load(f => EditPlace(f, "duisburg", p => p["unlocode"] = unlocode));

        NetworkProblem problem = ProblemAssert.Single(result, NetworkRule.InvalidUnLocode);
        ProblemAssert.Problem(problem, Places, "duisburg", "unlocode", $"UN/LOCODE '{unlocode}'");
        ProblemAssert.OnlyRules(result, NetworkRule.InvalidUnLocode);
    }

    [Fact]
    public void TwoDwellsOfOneKind_IsDuplicateDwell()
    {
        NetworkLoadResult result = Load(f => EditPlace(f, "dostyk", p => p["dwells"]!.AsArray().Add(
            JsonNode.Parse("""{"kind": "gauge-break", "minHours": 1, "typicalHours": 2, "maxHours": 3, "sources": ["FX-03"]}"""))));

        NetworkProblem problem = ProblemAssert.Single(result, NetworkRule.DuplicateDwell);
        ProblemAssert.Problem(problem, Places, "dostyk", "dwells[2]", "second 'gauge-break' dwell");
    }

    [Fact]
    public void UnknownMode_ListsAllowedModes()
    {
        NetworkLoadResult result = Load(f => f.EditProperties(Access, "xian-shanghai", l => l["mode"] = "train"));

        NetworkProblem problem = ProblemAssert.Single(result, NetworkRule.UnknownMode);
        ProblemAssert.Problem(problem, Access, "xian-shanghai", "mode", "unknown mode 'train'", "allowed: rail, road, sea, ferry, inland-waterway");
        ProblemAssert.OnlyRules(result, NetworkRule.UnknownMode);
    }

    [Fact]
    public void UnknownStatus_ListsAllowedStatuses()
    {
        NetworkLoadResult result = Load(f => f.EditProperties(Maritime, "shanghai-rotterdam", l => l["status"] = "open"));

        NetworkProblem problem = ProblemAssert.Single(result, NetworkRule.UnknownStatus);
        ProblemAssert.Problem(problem, Maritime, "shanghai-rotterdam", "status", "unknown status 'open'", "allowed: operational, under-construction, planned, closed");
    }

    [Fact]
    public void UnknownPlaceKind_ListsAllowedKinds()
    {
        NetworkLoadResult result = Load(f => EditPlace(f, "xian", p => p["kind"] = "station"));

        NetworkProblem problem = ProblemAssert.Single(result, NetworkRule.UnknownKind);
        ProblemAssert.Problem(problem, Places, "xian", "kind", "unknown place kind 'station'", "allowed: city, seaport, border-crossing, ferry-terminal, sea-waypoint, chokepoint");
        ProblemAssert.OnlyRules(result, NetworkRule.UnknownKind);
    }

    [Fact]
    public void UnknownDwellKind_ListsAllowedKinds()
    {
        NetworkLoadResult result = Load(f => EditPlace(f, "shanghai", p => p["dwells"]![0]!["kind"] = "customs"));

        NetworkProblem problem = ProblemAssert.Single(result, NetworkRule.UnknownKind);
        ProblemAssert.Problem(problem, Places, "shanghai", "dwells[0].kind", "unknown dwell kind 'customs'", "border-crossing, gauge-break, port-handling, ferry-wait, transshipment");
    }

    [Fact]
    public void UnknownCorridor_ListsRegisteredCorridorsAndAccess()
    {
        NetworkLoadResult result = Load(f => f.EditProperties(Overland, "dostyk-klaipeda", l => l["corridors"] = new JsonArray("overland", "northern")));

        NetworkProblem problem = ProblemAssert.Single(result, NetworkRule.UnknownCorridor);
        ProblemAssert.Problem(problem, Overland, "dostyk-klaipeda", "corridors[1]", "unknown corridor 'northern'", "allowed: maritime, overland, access");
        ProblemAssert.OnlyRules(result, NetworkRule.UnknownCorridor);
    }

    [Fact]
    public void LinkInNoCorridor_IsLinkWithoutCorridor()
    {
        NetworkLoadResult result = Load(f => f.EditProperties(Access, "sassnitz-duisburg", l => l["corridors"] = new JsonArray()));

        NetworkProblem problem = ProblemAssert.Single(result, NetworkRule.LinkWithoutCorridor);
        ProblemAssert.Problem(problem, Access, "sassnitz-duisburg", "corridors", "belongs to no corridor");
    }

    [Theory]
    [InlineData("FX-99", "sources[0]")]
    public void UnknownSourceOnPlace_IsUnknownSource(string sourceId, string field)
    {
        NetworkLoadResult result = Load(f => EditPlace(f, "xian", p => p["sources"] = new JsonArray(sourceId)));

        NetworkProblem problem = ProblemAssert.Single(result, NetworkRule.UnknownSource);
        ProblemAssert.Problem(problem, Places, "xian", field, $"unknown source id '{sourceId}' (not in sources.csv)");
        ProblemAssert.OnlyRules(result, NetworkRule.UnknownSource);
    }

    [Fact]
    public void UnknownSourceInAFigure_NamesTheFigure()
    {
        NetworkLoadResult result = Load(f => f.EditProperties(Overland, "klaipeda-sassnitz", l => l["durationHours"]!["sources"] = new JsonArray("FX-02", "MC-17")));

        NetworkProblem problem = ProblemAssert.Single(result, NetworkRule.UnknownSource);
        ProblemAssert.Problem(problem, Overland, "klaipeda-sassnitz", "durationHours.sources[1]", "'MC-17'");
    }

    [Fact]
    public void UnknownSourceOnCorridor_IsUnknownSource()
    {
        NetworkLoadResult result = Load(f => f.EditJson("corridors.json", r => r["corridors"]![1]!["sources"] = new JsonArray("SEA-05")));

        NetworkProblem problem = ProblemAssert.Single(result, NetworkRule.UnknownSource);
        ProblemAssert.Problem(problem, "corridors.json", "maritime", "sources[0]", "'SEA-05'");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public void DistanceNotAboveZero_IsNonPositiveDistance(double km)
    {
        NetworkLoadResult result = Load(f => f.EditProperties(Access, "rotterdam-duisburg", l => l["distanceKm"]!["value"] = km));

        NetworkProblem problem = ProblemAssert.Single(result, NetworkRule.NonPositiveDistance);
        ProblemAssert.Problem(problem, Access, "rotterdam-duisburg", "distanceKm.value", $"distance {km} km must be a finite number above 0");
        ProblemAssert.OnlyRules(result, NetworkRule.NonPositiveDistance);
    }

    [Fact]
    public void DistanceShorterThanGreatCircle_NamesBothKm()
    {
        // Rotterdam (4.05E 51.95N) to Duisburg (6.76E 51.43N): 195.5 km great circle.
        NetworkLoadResult result = Load(f => f.EditProperties(Access, "rotterdam-duisburg", l => l["distanceKm"]!["value"] = 150));

        NetworkProblem problem = ProblemAssert.Single(result, NetworkRule.DistanceBelowGeodesic);
        ProblemAssert.Problem(problem, Access, "rotterdam-duisburg", "distanceKm.value", "distance 150.0 km is shorter than the great-circle distance 195.5 km between 'rotterdam' and 'duisburg'");
        ProblemAssert.OnlyRules(result, NetworkRule.DistanceBelowGeodesic);
    }

    [Fact]
    public void DistanceRoundedToWholeKmUnderGreatCircle_IsAccepted()
    {
        // Xi'an–Shanghai is 1219.1 km great circle; a straight link published as 1219 km is not an error.
        NetworkLoadResult result = Load(f => f.EditProperties(Access, "xian-shanghai", l => l["distanceKm"]!["value"] = 1219));

        Assert.True(result.IsValid, string.Join("\n", result.Problems));
    }

    [Fact]
    public void DistanceMoreThan2Point5TimesGreatCircle_NamesBothKmAndRatio()
    {
        NetworkLoadResult result = Load(f => f.EditProperties(Access, "rotterdam-duisburg", l => l["distanceKm"]!["value"] = 600));

        NetworkProblem problem = ProblemAssert.Single(result, NetworkRule.DistanceAboveCircuityLimit);
        ProblemAssert.Problem(problem, Access, "rotterdam-duisburg", "distanceKm.value", "distance 600.0 km is more than 2.5x the great-circle distance 195.5 km", "(3.07x)");
        ProblemAssert.OnlyRules(result, NetworkRule.DistanceAboveCircuityLimit);
    }

    [Fact]
    public void DistanceShorterThanItsDrawnPolyline_IsDistanceBelowPolyline()
    {
        // Rotterdam → via Cologne (a detour of the drawing) → Duisburg: the polyline is about 263 km.
        NetworkLoadResult result = Load(f => f.EditFeature(Access, "rotterdam-duisburg", l =>
            l["geometry"]!["coordinates"] = new JsonArray(new JsonArray(4.05, 51.95), new JsonArray(6.96, 50.94), new JsonArray(6.76, 51.43))));

        NetworkProblem problem = ProblemAssert.Single(result, NetworkRule.DistanceBelowPolyline);
        ProblemAssert.Problem(problem, Access, "rotterdam-duisburg", "distanceKm.value", "is shorter than the link's drawn polyline 2", "km; state the published length or derive it from the alignment");
        ProblemAssert.OnlyRules(result, NetworkRule.DistanceBelowPolyline);
    }

    [Fact]
    public void DerivedDistanceOver2xTheGreatCircle_IsRefused_ButAPublishedOneIsNot()
    {
        NetworkLoadResult derived = Load(f => f.EditProperties(Access, "rotterdam-duisburg", l => l["distanceKm"]!["value"] = 450));
        NetworkLoadResult published = Load(f => f.EditProperties(Access, "rotterdam-duisburg",
            l => l["distanceKm"] = new JsonObject { ["value"] = 450, ["sources"] = new JsonArray("FX-01") }));

        NetworkProblem problem = ProblemAssert.Single(derived, NetworkRule.DerivedDistanceAboveCircuityLimit);
        ProblemAssert.Problem(problem, Access, "rotterdam-duisburg", "distanceKm.value",
            "derived distance 450.0 km is more than 2x the great-circle distance 195.5 km", "(2.30x) and more than 1.05x its drawn polyline; cite a published length");
        ProblemAssert.OnlyRules(derived, NetworkRule.DerivedDistanceAboveCircuityLimit);
        Assert.True(published.IsValid, string.Join("; ", published.Problems));
    }

    [Fact]
    public void SeaportTheMaritimeCorridorCannotReachBySea_IsNamed_UnlessItsReasonIsStated()
    {
        NetworkLoadResult unreachable = Load(f => f.EditProperties(Places, "duisburg", p => p["kind"] = "seaport"));
        NetworkLoadResult explained = Load(f => f.EditProperties(Places, "duisburg", p =>
        {
            p["kind"] = "seaport";
            p["offMaritimeReason"] = "an inland port on the Rhine: barges are not modelled";
        }));

        NetworkProblem problem = ProblemAssert.Single(unreachable, NetworkRule.SeaportUnreachableBySea);
        ProblemAssert.Problem(problem, Places, "duisburg", "kind",
            "seaport 'duisburg' cannot be reached by sea on corridor 'maritime'; add a sea lane or state offMaritimeReason");
        ProblemAssert.OnlyRules(unreachable, NetworkRule.SeaportUnreachableBySea);
        Assert.True(explained.IsValid, string.Join("; ", explained.Problems));
    }

    [Fact]
    public void LinkFromAPlaceToItself_IsLinkToItself()
    {
        NetworkLoadResult result = Load(f => f.EditProperties(Overland, "klaipeda-sassnitz", l => l["to"] = "klaipeda"));

        NetworkProblem problem = ProblemAssert.Single(result, NetworkRule.LinkToItself);
        ProblemAssert.Problem(problem, Overland, "klaipeda-sassnitz", "to", "starts and ends at the same place 'klaipeda'");
    }

    [Fact]
    public void RailLinkWithoutGauge_IsRailLinkWithoutGauge()
    {
        NetworkLoadResult result = Load(f => f.EditProperties(Access, "rotterdam-duisburg", l => l.Remove("gaugeMm")));

        NetworkProblem problem = ProblemAssert.Single(result, NetworkRule.RailLinkWithoutGauge);
        ProblemAssert.Problem(problem, Access, "rotterdam-duisburg", "gaugeMm", "rail link has no gaugeMm");
        ProblemAssert.OnlyRules(result, NetworkRule.RailLinkWithoutGauge);
    }

    [Fact]
    public void GaugeOnFerry_IsGaugeOnNonRailLink()
    {
        NetworkLoadResult result = Load(f => f.EditProperties(Overland, "klaipeda-sassnitz", l => l["gaugeMm"] = 1520));

        NetworkProblem problem = ProblemAssert.Single(result, NetworkRule.GaugeOnNonRailLink);
        ProblemAssert.Problem(problem, Overland, "klaipeda-sassnitz", "gaugeMm", "gaugeMm 1520 on a ferry link");
        ProblemAssert.OnlyRules(result, NetworkRule.GaugeOnNonRailLink);
    }

    [Fact]
    public void GaugeThatIsNotAWholeNumber_IsWrongType()
    {
        NetworkLoadResult result = Load(f => f.EditProperties(Access, "rotterdam-duisburg", l => l["gaugeMm"] = 1435.5));

        NetworkProblem problem = ProblemAssert.Single(result, NetworkRule.WrongType);
        ProblemAssert.Problem(problem, Access, "rotterdam-duisburg", "gaugeMm", "expected a whole number but found number 1435.5");
    }

    [Fact]
    public void BothSpeedAndDuration_IsSpeedAndDurationNotExclusive()
    {
        NetworkLoadResult result = Load(f => f.EditProperties(Access, "rotterdam-duisburg", l =>
            l["durationHours"] = JsonNode.Parse("""{"min": 4, "typical": 5, "max": 8, "sources": ["FX-02"]}""")));

        NetworkProblem problem = ProblemAssert.Single(result, NetworkRule.SpeedAndDurationNotExclusive);
        ProblemAssert.Problem(problem, Access, "rotterdam-duisburg", "speedKmh", "link has both speedKmh and durationHours; exactly one is required");
        ProblemAssert.OnlyRules(result, NetworkRule.SpeedAndDurationNotExclusive);
    }

    [Fact]
    public void NeitherSpeedNorDuration_IsSpeedAndDurationNotExclusive()
    {
        NetworkLoadResult result = Load(f => f.EditProperties(Access, "rotterdam-duisburg", l => l.Remove("speedKmh")));

        NetworkProblem problem = ProblemAssert.Single(result, NetworkRule.SpeedAndDurationNotExclusive);
        Assert.Contains("neither speedKmh and durationHours", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GeometryStartOffItsPlace_SaysWhichEndAndHowFar()
    {
        // 0.05 degrees of longitude at 51.95N is 3.4 km.
        NetworkLoadResult result = Load(f => f.EditFeature(Access, "rotterdam-duisburg", l => l["geometry"]!["coordinates"]![0] = new JsonArray(4.10, 51.95)));

        NetworkProblem problem = ProblemAssert.Single(result, NetworkRule.GeometryEndpointTooFar);
        ProblemAssert.Problem(problem, Access, "rotterdam-duisburg", "geometry.coordinates[0]", "geometry start is 3.4 km from its 'from' place 'rotterdam'", "at most 1.0 km");
        ProblemAssert.OnlyRules(result, NetworkRule.GeometryEndpointTooFar);
    }

    [Fact]
    public void GeometryEndOffItsPlace_SaysEnd()
    {
        NetworkLoadResult result = Load(f => f.EditFeature(Access, "rotterdam-duisburg", l => l["geometry"]!["coordinates"]![1] = new JsonArray(6.76, 51.47)));

        NetworkProblem problem = ProblemAssert.Single(result, NetworkRule.GeometryEndpointTooFar);
        ProblemAssert.Problem(problem, Access, "rotterdam-duisburg", "geometry.coordinates[1]", "geometry end is 4.4 km from its 'to' place 'duisburg'");
    }

    [Fact]
    public void DateNotIso_IsInvalidDate()
    {
        NetworkLoadResult result = Load(f => f.EditProperties(Overland, "dostyk-klaipeda", l => l["opens"]!["date"] = "2030-13-01"));

        NetworkProblem problem = ProblemAssert.Single(result, NetworkRule.InvalidDate);
        ProblemAssert.Problem(problem, Overland, "dostyk-klaipeda", "opens.date", "date '2030-13-01' is not a calendar date in the form yyyy-MM-dd");
        ProblemAssert.OnlyRules(result, NetworkRule.InvalidDate);
    }

    [Fact]
    public void ClosesBeforeOpens_IsInvalidDate()
    {
        NetworkLoadResult result = Load(f => f.EditProperties(Overland, "dostyk-klaipeda", l =>
            l["closes"] = JsonNode.Parse("""{"date": "2029-06-30", "sources": ["FX-02"]}""")));

        NetworkProblem problem = ProblemAssert.Single(result, NetworkRule.InvalidDate);
        ProblemAssert.Problem(problem, Overland, "dostyk-klaipeda", "closes", "closes 2029-06-30 is not after opens 2030-01-01");
    }

    [Fact]
    public void CapacityOfZero_IsNonPositiveValue()
    {
        NetworkLoadResult result = Load(f => f.EditProperties(Overland, "xian-dostyk", l => l["capacity"]!["value"] = 0));

        NetworkProblem problem = ProblemAssert.Single(result, NetworkRule.NonPositiveValue);
        ProblemAssert.Problem(problem, Overland, "xian-dostyk", "capacity.value", "capacity 0 must be a finite number above 0");
    }

    [Fact]
    public void FigureWithNeitherSourcesNorDerived_IsFigureWithoutProvenance()
    {
        NetworkLoadResult result = Load(f => f.EditProperties(Access, "rotterdam-duisburg", l => l["distanceKm"]!.AsObject().Remove("derived")));

        NetworkProblem problem = ProblemAssert.Single(result, NetworkRule.FigureWithoutProvenance);
        ProblemAssert.Problem(problem, Access, "rotterdam-duisburg", "distanceKm", "figure names neither sources nor derived");
        ProblemAssert.OnlyRules(result, NetworkRule.FigureWithoutProvenance);
    }

    [Fact]
    public void FigureWithEmptySourcesAndEmptyDerived_IsFigureWithoutProvenance()
    {
        NetworkLoadResult result = Load(f => EditPlace(f, "shanghai", p =>
            p["dwells"]![0] = JsonNode.Parse("""{"kind": "port-handling", "minHours": 24, "typicalHours": 48, "maxHours": 96, "sources": [], "derived": " "}""")));

        NetworkProblem problem = ProblemAssert.Single(result, NetworkRule.FigureWithoutProvenance);
        ProblemAssert.Problem(problem, Places, "shanghai", "dwells[0]", "neither sources nor derived");
    }

    [Theory]
    [InlineData(60, 45, 54, "min 60 / typical 45 / max 54 km/h")]
    [InlineData(30, 60, 54, "min 30 / typical 60 / max 54 km/h")]
    [InlineData(0, 45, 54, "min 0 / typical 45 / max 54 km/h")]
    public void RangeOutOfOrder_IsRangeNotOrdered(double min, double typical, double max, string expected)
    {
        NetworkLoadResult result = Load(f => f.EditProperties(Access, "rotterdam-duisburg", l =>
            l["speedKmh"] = new JsonObject { ["min"] = min, ["typical"] = typical, ["max"] = max, ["sources"] = new JsonArray("FX-02") }));

        NetworkProblem problem = ProblemAssert.Single(result, NetworkRule.RangeNotOrdered);
        ProblemAssert.Problem(problem, Access, "rotterdam-duisburg", "speedKmh", expected, "0 < min <= typical <= max");
        ProblemAssert.OnlyRules(result, NetworkRule.RangeNotOrdered);
    }

    [Fact]
    public void DwellRangeOutOfOrder_IsRangeNotOrdered()
    {
        NetworkLoadResult result = Load(f => EditPlace(f, "rotterdam", p => p["dwells"]![0]!["maxHours"] = 12));

        NetworkProblem problem = ProblemAssert.Single(result, NetworkRule.RangeNotOrdered);
        ProblemAssert.Problem(problem, Places, "rotterdam", "dwells[0]", "min 24 / typical 48 / max 12 hours");
    }

    [Fact]
    public void GaugesMeetWithoutGaugeBreak_IsMissingGaugeBreakDwell()
    {
        NetworkLoadResult result = Load(f => EditPlace(f, "dostyk", p => RemoveDwell(p, "gauge-break")));

        NetworkProblem problem = ProblemAssert.Single(result, NetworkRule.MissingGaugeBreakDwell);
        ProblemAssert.Problem(problem, Places, "dostyk", "dwells", "rail links of gauges 1435 mm and 1520 mm meet here (dostyk-klaipeda, dostyk-malaszewicze, xian-dostyk)", "no 'gauge-break' dwell");
        ProblemAssert.OnlyRules(result, NetworkRule.MissingGaugeBreakDwell);
    }

    [Fact]
    public void LandMeetsWaterWithoutPortHandling_IsMissingPortHandlingDwell()
    {
        NetworkLoadResult result = Load(f => EditPlace(f, "shanghai", p => RemoveDwell(p, "port-handling")));

        NetworkProblem problem = ProblemAssert.Single(result, NetworkRule.MissingPortHandlingDwell);
        ProblemAssert.Problem(problem, Places, "shanghai", "dwells", "land links (xian-shanghai) and water links (shanghai-rotterdam) meet here", "no 'port-handling' dwell");
        ProblemAssert.OnlyRules(result, NetworkRule.MissingPortHandlingDwell);
    }

    [Fact]
    public void FerryTerminalWithoutFerryWait_IsMissingFerryWaitDwell()
    {
        NetworkLoadResult result = Load(f => f.EditProperties(Overland, "klaipeda", p => RemoveDwell(p, "ferry-wait")));

        NetworkProblem problem = ProblemAssert.Single(result, NetworkRule.MissingFerryWaitDwell);
        ProblemAssert.Problem(problem, Overland, "klaipeda", "dwells", "ferry terminal has no 'ferry-wait' dwell");
        ProblemAssert.OnlyRules(result, NetworkRule.MissingFerryWaitDwell);
    }

    [Fact]
    public void CorridorNoLinkBelongsTo_IsCorridorWithoutLinks()
    {
        NetworkLoadResult result = Load(f => f.EditJson("corridors.json", r => r["corridors"]!.AsArray().Add(JsonNode.Parse(
            """{"id": "cku", "name": "China-Kyrgyzstan-Uzbekistan", "description": "Fixture corridor without links.", "chinaPlaces": ["xian"], "europePlaces": ["duisburg"], "sources": ["FX-01"]}"""))));

        NetworkProblem problem = ProblemAssert.Single(result, NetworkRule.CorridorWithoutLinks);
        ProblemAssert.Problem(problem, "corridors.json", "cku", null, "no link lists corridor 'cku'");
        ProblemAssert.OnlyRules(result, NetworkRule.CorridorWithoutLinks);
    }

    [Fact]
    public void CorridorWithAGap_IsCorridorNotConnectedNamingEachUnreachablePair()
    {
        // Without Rotterdam–Duisburg the maritime corridor (plus access) cannot reach Duisburg: Małaszewicze and
        // Sassnitz, Duisburg's other neighbours, are only reachable over the overland corridor's links.
        NetworkLoadResult result = Load(f => f.EditJson(Access, r =>
        {
            JsonArray features = r["features"]!.AsArray();
            features.Remove(features.Single(x => (string?)x!["id"] == "rotterdam-duisburg"));
        }));

        ProblemAssert.OnlyRules(result, NetworkRule.CorridorNotConnected);
        Assert.Equal(
            [
                "corridors.json: maritime: europePlaces: no path from 'xian' to 'duisburg' over the links of corridor 'maritime' and access links (any status) [corridor-not-connected]",
                "corridors.json: maritime: europePlaces: no path from 'shanghai' to 'duisburg' over the links of corridor 'maritime' and access links (any status) [corridor-not-connected]",
            ],
            result.Problems.Select(p => p.ToString()));
    }

    [Fact]
    public void OneWayLinkAgainstTheCorridor_IsCorridorNotConnected()
    {
        // A one-way link from Duisburg to Rotterdam can't carry traffic from China to Duisburg.
        NetworkLoadResult result = Load(f => f.EditFeature(Access, "rotterdam-duisburg", l =>
        {
            JsonObject p = l["properties"]!.AsObject();
            (p["from"], p["to"]) = ("duisburg", "rotterdam");
            p["oneway"] = true;
            l["geometry"]!["coordinates"] = JsonNode.Parse("[[6.76, 51.43], [4.05, 51.95]]");
        }));

        ProblemAssert.OnlyRules(result, NetworkRule.CorridorNotConnected);
        Assert.Equal(2, result.Problems.Count);
        Assert.All(result.Problems, p => Assert.Contains("to 'duisburg'", p.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void PlannedLinks_CountForConnectivity()
    {
        // dostyk-klaipeda is planned; removing Dostyk–Małaszewicze still leaves the overland corridor connected via it.
        NetworkLoadResult result = Load(f => f.EditJson(Overland, r =>
        {
            JsonArray features = r["features"]!.AsArray();
            features.Remove(features.Single(x => (string?)x!["id"] == "dostyk-malaszewicze"));
        }));

        Assert.True(result.IsValid, string.Join("\n", result.Problems));
    }
}
