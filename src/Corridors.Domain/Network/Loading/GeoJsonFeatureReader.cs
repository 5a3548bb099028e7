using System.Text.Json;
using Corridors.Domain.Network.Validation;
using NetTopologySuite.Geometries;

namespace Corridors.Domain.Network.Loading;

/// <summary>
/// Reads one network <c>*.geojson</c> FeatureCollection into places and links (schema in <c>networks/README.md</c>).
/// A feature with any shape problem is reported and not built; its id is still declared so that references to
/// it are not reported a second time.
/// </summary>
internal sealed class GeoJsonFeatureReader(GeometryFactory factory, FileProblems problems)
{
    private static readonly string[] CollectionProperties = ["type", "features", "bbox", "name"];
    private static readonly string[] FeatureProperties = ["type", "id", "geometry", "properties", "bbox"];
    private static readonly string[] GeometryProperties = ["type", "coordinates", "bbox"];

    private static readonly string[] PlaceProperties =
        ["featureType", "name", "aliases", "country", "unlocode", "kind", "dwells", "sources", "offMaritimeReason"];

    private static readonly string[] LinkProperties =
    [
        "featureType", "from", "to", "mode", "gaugeMm", "traction", "electrifiedFrom", "tractionSources", "distanceKm", "speedKmh", "durationHours", "countries",
        "operator", "status", "opens", "closes", "corridors", "capacity", "sources", "oneway",
    ];

    public void Read(JsonElement root, List<Place> places, List<Link> links, List<Declaration> declarations)
    {
        if (JsonFields.Open(root, problems, null, "") is not { } collection)
        {
            return;
        }

        collection.RejectUnknown(CollectionProperties);
        string? type = collection.RequiredString("type");
        if (type is not null && type != "FeatureCollection")
        {
            collection.Fail("type", NetworkRule.WrongType, $"type is '{type}'; a network file is a 'FeatureCollection'");
        }

        if (collection.Required("features") is not { } features)
        {
            return;
        }

        if (features.ValueKind != JsonValueKind.Array)
        {
            collection.Fail("features", NetworkRule.WrongType, $"expected an array of features but found {JsonFields.Describe(features)}");
            return;
        }

        int i = 0;
        foreach (JsonElement feature in features.EnumerateArray())
        {
            ReadFeature(feature, i, places, links, declarations);
            i++;
        }
    }

    private void ReadFeature(JsonElement feature, int position, List<Place> places, List<Link> links, List<Declaration> declarations)
    {
        string? id = feature.ValueKind == JsonValueKind.Object
                     && feature.TryGetProperty("id", out JsonElement idElement)
                     && idElement.ValueKind == JsonValueKind.String
                     && idElement.GetString()!.Length > 0
            ? idElement.GetString()
            : null;
        string featureId = id ?? $"features[{position}]";
        if (JsonFields.Open(feature, problems, featureId, "") is not { } fields)
        {
            return;
        }

        fields.RejectUnknown(FeatureProperties);
        string? type = fields.RequiredString("type");
        if (type is not null && type != "Feature")
        {
            fields.Fail("type", NetworkRule.WrongType, $"type is '{type}'; expected 'Feature'");
        }

        if (id is null && fields.Required("id") is { } badId)
        {
            fields.Fail("id", NetworkRule.WrongType, $"expected a non-empty string id but found {JsonFields.Describe(badId)}");
        }

        if (fields.Required("properties") is not { } propertiesElement)
        {
            return;
        }

        if (propertiesElement.ValueKind != JsonValueKind.Object)
        {
            fields.Fail("properties", NetworkRule.WrongType, $"expected an object but found {JsonFields.Describe(propertiesElement)}");
            return;
        }

        // Property paths are reported without the "properties." prefix: "distanceKm.value", not "properties.distanceKm.value".
        JsonFields props = JsonFields.Open(propertiesElement, problems, featureId, "")!;
        string? featureType = props.RequiredString("featureType");
        JsonElement? geometry = fields.Required("geometry");
        switch (featureType)
        {
            case null:
                return;
            case "place":
                props.RejectUnknown(PlaceProperties);
                if (id is not null)
                {
                    declarations.Add(new Declaration(id, DeclarationKind.Place, problems.File));
                }

                Place? place = ReadPlace(featureId, props, geometry);
                if (place is not null && fields.Ok && id is not null)
                {
                    places.Add(place);
                }

                return;
            case "link":
                props.RejectUnknown(LinkProperties);
                if (id is not null)
                {
                    declarations.Add(new Declaration(id, DeclarationKind.Link, problems.File));
                }

                Link? link = ReadLink(featureId, props, geometry);
                if (link is not null && fields.Ok && id is not null)
                {
                    links.Add(link);
                }

                return;
            default:
                props.Fail("featureType", NetworkRule.UnknownFeatureType, $"unknown featureType '{featureType}'; allowed: place, link");
                return;
        }
    }

    private Place? ReadPlace(string id, JsonFields props, JsonElement? geometry)
    {
        string? name = props.RequiredString("name");
        IReadOnlyList<string>? aliases = props.StringArray("aliases", required: false);
        string? country = props.RequiredString("country");
        string? unlocode = props.OptionalString("unlocode");
        string? offMaritime = props.OptionalString("offMaritimeReason");
        PlaceKind? kind = ReadEnum<PlaceKind>(props, "kind", NetworkRule.UnknownKind, "place kind");
        IReadOnlyList<string>? sources = props.StringArray("sources", required: false);
        List<Dwell>? dwells = ReadDwells(id, props);
        Point? location = geometry is { } g ? ReadPoint(id, g) : null;

        if (!props.Ok || name is null || country is null || kind is null || dwells is null || location is null)
        {
            return null;
        }

        return new Place(new PlaceId(id), name, aliases ?? [], country, unlocode, kind.Value, location, dwells, sources ?? [], problems.File)
        {
            OffMaritimeReason = offMaritime,
        };
    }

    private List<Dwell>? ReadDwells(string id, JsonFields props)
    {
        if (props.Optional("dwells") is not { } array)
        {
            return [];
        }

        if (array.ValueKind != JsonValueKind.Array)
        {
            props.Fail("dwells", NetworkRule.WrongType, $"expected an array of dwells but found {JsonFields.Describe(array)}");
            return null;
        }

        var dwells = new List<Dwell>();
        int i = 0;
        bool ok = true;
        foreach (JsonElement element in array.EnumerateArray())
        {
            Dwell? dwell = FigureReader.ReadDwell(element, problems, id, props.Path($"dwells[{i}]"));
            if (dwell is null)
            {
                ok = false;
            }
            else
            {
                dwells.Add(dwell);
            }

            i++;
        }

        if (!ok)
        {
            props.MarkFailed();
        }

        return ok ? dwells : null;
    }

    private Link? ReadLink(string id, JsonFields props, JsonElement? geometry)
    {
        string? from = props.RequiredString("from");
        string? to = props.RequiredString("to");
        TransportMode? mode = ReadEnum<TransportMode>(props, "mode", NetworkRule.UnknownMode, "mode");
        int? gaugeMm = props.OptionalInt("gaugeMm");
        ValueFigure? distance = ReadFigure(id, props, "distanceKm", required: true, FigureReader.ReadValue);
        RangeFigure? speed = ReadFigure(id, props, "speedKmh", required: false, FigureReader.ReadRange);
        RangeFigure? duration = ReadFigure(id, props, "durationHours", required: false, FigureReader.ReadRange);
        IReadOnlyList<string>? countries = props.StringArray("countries", required: true);
        string? operatorName = props.OptionalString("operator");
        LinkStatus? status = ReadEnum<LinkStatus>(props, "status", NetworkRule.UnknownStatus, "status");
        DateFigure? opens = ReadFigure(id, props, "opens", required: false, FigureReader.ReadDate);
        DateFigure? closes = ReadFigure(id, props, "closes", required: false, FigureReader.ReadDate);
        IReadOnlyList<string>? corridors = props.StringArray("corridors", required: true);
        CapacityFigure? capacity = ReadFigure(id, props, "capacity", required: false, FigureReader.ReadCapacity);
        IReadOnlyList<string>? sources = props.StringArray("sources", required: false);
        bool? oneway = props.OptionalBool("oneway");
        LinkTraction? traction = ReadTraction(id, props);
        LineString? line = geometry is { } g ? ReadLineString(id, g) : null;

        if (!props.Ok || from is null || to is null || mode is null || distance is null || countries is null
            || status is null || corridors is null || line is null)
        {
            return null;
        }

        return new Link(
            new LinkId(id),
            new PlaceId(from),
            new PlaceId(to),
            mode.Value,
            gaugeMm,
            distance,
            speed,
            duration,
            line,
            countries,
            operatorName,
            status.Value,
            opens,
            closes,
            [.. corridors.Select(c => new CorridorId(c))],
            capacity,
            sources ?? [],
            oneway ?? false,
            problems.File)
        {
            Traction = traction,
        };
    }

    /// <summary>
    /// <c>traction</c> (electric or diesel) with its <c>tractionSources</c> and, for a line wired later, an
    /// <c>electrifiedFrom</c> date figure. Null when the link has no tag; whether a tag fits the link (rail only,
    /// sources present) is the validator's rule.
    /// </summary>
    private LinkTraction? ReadTraction(string id, JsonFields props)
    {
        TractionKind? kind = null;
        string? text = props.OptionalString("traction");
        if (text is not null)
        {
            if (EnumNames.TryParseKebab(text, out TractionKind parsed))
            {
                kind = parsed;
            }
            else
            {
                props.Fail("traction", NetworkRule.UnknownKind, $"unknown traction '{text}'; allowed: {EnumNames.AllKebab<TractionKind>()}");
            }
        }

        DateFigure? electrifiedFrom = ReadFigure(id, props, "electrifiedFrom", required: false, FigureReader.ReadDate);
        IReadOnlyList<string>? sources = props.StringArray("tractionSources", required: false);
        if (kind is null)
        {
            if (text is null && (electrifiedFrom is not null || sources is not null))
            {
                props.Fail("traction", NetworkRule.MissingProperty, "electrifiedFrom and tractionSources need a traction (electric or diesel)");
            }

            return null;
        }

        return new LinkTraction(kind.Value, electrifiedFrom, sources ?? []);
    }

    private T? ReadFigure<T>(string id, JsonFields props, string name, bool required, Func<JsonElement, FileProblems, string?, string, T?> read)
        where T : class
    {
        JsonElement? element = required ? props.Required(name) : props.Optional(name);
        if (element is not { } value)
        {
            return null;
        }

        T? figure = read(value, problems, id, props.Path(name));
        if (figure is null)
        {
            props.MarkFailed();
        }

        return figure;
    }

    private static T? ReadEnum<T>(JsonFields props, string name, NetworkRule rule, string what) where T : struct, Enum
    {
        string? text = props.RequiredString(name);
        if (text is null)
        {
            return null;
        }

        if (EnumNames.TryParseKebab(text, out T value))
        {
            return value;
        }

        props.Fail(name, rule, $"unknown {what} '{text}'; allowed: {EnumNames.AllKebab<T>()}");
        return null;
    }

    private Point? ReadPoint(string id, JsonElement geometry)
    {
        if (ReadGeometry(id, geometry, "Point") is not { } coordinates)
        {
            return null;
        }

        Coordinate? coordinate = ReadPosition(id, coordinates, "geometry.coordinates");
        return coordinate is null ? null : factory.CreatePoint(coordinate);
    }

    private LineString? ReadLineString(string id, JsonElement geometry)
    {
        if (ReadGeometry(id, geometry, "LineString") is not { } coordinates)
        {
            return null;
        }

        if (coordinates.ValueKind != JsonValueKind.Array)
        {
            problems.Add(id, "geometry.coordinates", NetworkRule.InvalidGeometry,
                $"expected an array of [longitude, latitude] positions but found {JsonFields.Describe(coordinates)}");
            return null;
        }

        var positions = new List<Coordinate>();
        bool ok = true;
        int i = 0;
        foreach (JsonElement element in coordinates.EnumerateArray())
        {
            Coordinate? position = ReadPosition(id, element, $"geometry.coordinates[{i}]");
            ok &= position is not null;
            if (position is not null)
            {
                positions.Add(position);
            }

            i++;
        }

        if (ok && positions.Count < 2)
        {
            problems.Add(id, "geometry.coordinates", NetworkRule.InvalidGeometry,
                $"a LineString needs at least 2 positions but has {positions.Count}");
            return null;
        }

        return ok ? factory.CreateLineString([.. positions]) : null;
    }

    /// <summary>The <c>coordinates</c> element of a geometry of the expected type, or null (reported).</summary>
    private JsonElement? ReadGeometry(string id, JsonElement geometry, string expectedType)
    {
        if (JsonFields.Open(geometry, problems, id, "geometry") is not { } fields)
        {
            return null;
        }

        fields.RejectUnknown(GeometryProperties);
        string? type = fields.RequiredString("type");
        if (type is not null && type != expectedType)
        {
            fields.Fail("type", NetworkRule.InvalidGeometry, $"geometry is a {type}; a {(expectedType == "Point" ? "place" : "link")} needs a {expectedType}");
        }

        JsonElement? coordinates = fields.Required("coordinates");
        return fields.Ok ? coordinates : null;
    }

    /// <summary>A [longitude, latitude] position; range checks are the validator's.</summary>
    private Coordinate? ReadPosition(string id, JsonElement position, string field)
    {
        if (position.ValueKind == JsonValueKind.Array && position.GetArrayLength() == 2
            && position[0].ValueKind == JsonValueKind.Number && position[1].ValueKind == JsonValueKind.Number
            && position[0].TryGetDouble(out double longitude) && position[1].TryGetDouble(out double latitude))
        {
            return new Coordinate(longitude, latitude);
        }

        problems.Add(id, field, NetworkRule.InvalidGeometry,
            $"expected a position [longitude, latitude] of two numbers but found {JsonFields.Describe(position)}");
        return null;
    }
}
