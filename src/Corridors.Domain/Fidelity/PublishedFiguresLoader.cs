using System.Text.Json;
using Corridors.Domain.Network;
using Corridors.Domain.Network.Loading;
using Corridors.Domain.Risk;

namespace Corridors.Domain.Fidelity;

/// <summary>Either the published figures or every problem found, never both.</summary>
public sealed record PublishedFiguresLoadResult(IReadOnlyList<PublishedFigure>? Figures, IReadOnlyList<DataProblem> Problems);

/// <summary>
/// Reads <c>networks/published-figures.json</c>: whole-journey distances and transit times that others published,
/// each naming its source, its journey (places and corridor that must exist) and, for distances, its unit
/// (<c>km</c> or <c>nm</c>). Every bad record is named; nothing is dropped.
/// </summary>
public static class PublishedFiguresLoader
{
    /// <summary>Where the figures live inside the network folder.</summary>
    public const string RelativePath = "published-figures.json";

    public static PublishedFiguresLoadResult Load(string path, CorridorNetwork network)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(network);
        var file = new DataFile(Path.GetFileName(path));
        using JsonDocument? document = DataFile.ReadJson(path, file);
        var figures = new List<PublishedFigure>();
        if (document is not null && JsonFields.Open(document.RootElement, file.Problems, null, "") is { } root)
        {
            root.RejectUnknown("figures");
            if (root.Required("figures") is { ValueKind: JsonValueKind.Array } array)
            {
                int i = 0;
                foreach (JsonElement element in array.EnumerateArray())
                {
                    figures.AddRange(Read(element, $"figures[{i++}]", file, network));
                }
            }
            else
            {
                file.Add(null, "figures", "expected an array of figures");
            }
        }

        return file.Count > 0 ? new PublishedFiguresLoadResult(null, file.AllProblems()) : new PublishedFiguresLoadResult(figures, []);
    }

    private static List<PublishedFigure> Read(JsonElement element, string record, DataFile file, CorridorNetwork network)
    {
        var figures = new List<PublishedFigure>();
        if (JsonFields.Open(element, file.Problems, record, "") is not { } f)
        {
            return figures;
        }

        f.RejectUnknown("source", "from", "to", "corridor", "minus", "avoid", "asOf", "distance", "unit", "transitDays", "note");
        string? source = f.RequiredString("source");
        PlaceId? from = Place(f.RequiredString("from"), "from");
        PlaceId? to = Place(f.RequiredString("to"), "to");
        CorridorId? corridor = Corridor(f.RequiredString("corridor"), "corridor");
        CorridorId? minus = f.OptionalString("minus") is { } m ? Corridor(m, "minus") : null;
        List<PlaceId> avoid = [.. (f.StringArray("avoid", required: false) ?? []).Select(a => Place(a, "avoid")).OfType<PlaceId>()];
        DateOnly? asOf = DataFile.ParseDate(f, "asOf", f.RequiredString("asOf"));
        string note = f.OptionalString("note") ?? string.Empty;
        (double Low, double High)? distance = Range(f, "distance");
        (double Low, double High)? days = Range(f, "transitDays");
        string? unit = f.OptionalString("unit");
        if (source is not null && !network.TryGetSource(source, out _))
        {
            file.Add(record, "source", $"unknown source '{source}'; add it to sources.csv");
        }

        if (distance is not null && unit is not ("km" or "nm"))
        {
            file.Add(record, "unit", $"a distance needs unit 'km' or 'nm', got '{unit}'");
        }

        if (distance is null && days is null)
        {
            file.Add(record, null, "a figure gives a distance, transitDays or both");
        }

        if (!f.Ok || source is null || from is null || to is null || corridor is null || asOf is null)
        {
            return figures;
        }

        if (distance is { } d && unit is "km" or "nm")
        {
            double factor = unit == "nm" ? PublishedFigure.KmPerNauticalMile : 1.0;
            figures.Add(new PublishedFigure(source, FigureQuantity.Distance, from.Value, to.Value, corridor.Value, minus, avoid, asOf.Value,
                d.Low * factor, d.High * factor, unit == "nm", note));
        }

        if (days is { } t)
        {
            figures.Add(new PublishedFigure(source, FigureQuantity.TransitDays, from.Value, to.Value, corridor.Value, minus, avoid, asOf.Value,
                t.Low, t.High, false, note));
        }

        return figures;

        PlaceId? Place(string? id, string field) =>
            Known(id, field, "place", text => network.TryGetPlace(new PlaceId(text), out _)) is { } known ? new PlaceId(known) : null;

        CorridorId? Corridor(string? id, string field) =>
            Known(id, field, "corridor", text => network.TryGetCorridor(new CorridorId(text), out _)) is { } known ? new CorridorId(known) : null;

        // The id when the network knows it; otherwise a problem naming the field, and null.
        string? Known(string? id, string field, string what, Func<string, bool> exists)
        {
            if (id is not null && !exists(id))
            {
                file.Add(record, field, $"unknown {what} '{id}'");
                return null;
            }

            return id;
        }

        (double, double)? Range(JsonFields fields, string name)
        {
            if (fields.Optional(name) is not { } value)
            {
                return null;
            }

            if (value.ValueKind == JsonValueKind.Number && value.GetDouble() > 0)
            {
                return (value.GetDouble(), value.GetDouble());
            }

            if (value.ValueKind == JsonValueKind.Array && value.GetArrayLength() == 2
                && value[0].ValueKind == JsonValueKind.Number && value[1].ValueKind == JsonValueKind.Number
                && value[0].GetDouble() > 0 && value[0].GetDouble() <= value[1].GetDouble())
            {
                return (value[0].GetDouble(), value[1].GetDouble());
            }

            file.Add(record, name, $"expected a number above 0 or a range [low, high] with 0 < low <= high, got {JsonFields.Describe(value)}");
            return null;
        }
    }
}
