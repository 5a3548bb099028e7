using System.Globalization;
using System.Text.Json;
using Corridors.Domain.Network;
using Corridors.Domain.Network.Loading;
using Corridors.Domain.Network.Validation;
using Corridors.Domain.Risk;

namespace Corridors.Domain.Capacity;

/// <summary>
/// Reads <c>networks/capacities.json</c> (described in <c>networks/README.md</c>, "Capacities"): the conversion
/// factors, the bottlenecks with their dated capacities, and the default volumes. Every capacity needs a
/// <c>from</c> date and a source or a derivation; its links and places must exist; its periods may not overlap;
/// its stated <c>teuPerYear</c> must equal its published figures converted (within
/// <see cref="TeuPerYearTolerance"/>). Every bad record is named (file, bottleneck id, field, value).
/// </summary>
public static class CapacityLoader
{
    /// <summary>Where the capacities live inside the network folder.</summary>
    public const string RelativePath = "capacities.json";

    /// <summary>A stated TEU/yr is rounded to whole TEU; half a per cent covers that and the 2-decimal TEU per train.</summary>
    public const double TeuPerYearTolerance = 0.005;

    public static DataLoadResult<CapacityCatalog> Load(string path, CorridorNetwork network)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(network);
        var file = new DataFile(Path.GetFileName(path));
        using JsonDocument? document = DataFile.ReadJson(path, file);
        return Finish(document, file, network);
    }

    public static DataLoadResult<CapacityCatalog> Parse(string json, string fileName, CorridorNetwork network)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        ArgumentNullException.ThrowIfNull(network);
        var file = new DataFile(fileName);
        using JsonDocument? document = DataFile.ParseJson(json, file);
        return Finish(document, file, network);
    }

    private static DataLoadResult<CapacityCatalog> Finish(JsonDocument? document, DataFile file, CorridorNetwork network)
    {
        if (document is null || JsonFields.Open(document.RootElement, file.Problems, null, "") is not { } root)
        {
            return DataLoadResult<CapacityCatalog>.Invalid(file.AllProblems());
        }

        root.RejectUnknown("description", "conversions", "bottlenecks", "defaultVolumes");
        root.RequiredString("description");
        CapacityConversions? conversions = root.Required("conversions") is { } c ? ReadConversions(c, file, network) : null;
        var bottlenecks = new List<Bottleneck>();
        if (root.Required("bottlenecks") is { } array)
        {
            if (array.ValueKind != JsonValueKind.Array)
            {
                root.Fail("bottlenecks", NetworkRule.WrongType, $"expected an array but found {JsonFields.Describe(array)}");
            }
            else
            {
                var seen = new HashSet<string>(StringComparer.Ordinal);
                int i = 0;
                foreach (JsonElement item in array.EnumerateArray())
                {
                    if (ReadBottleneck(item, i++, file, network, conversions, seen) is { } bottleneck)
                    {
                        bottlenecks.Add(bottleneck);
                    }
                }
            }
        }

        DefaultVolumes? volumes = root.Required("defaultVolumes") is { } v ? ReadDefaultVolumes(v, file, network) : null;
        return file.Count == 0 && root.Ok && conversions is not null && volumes is not null
            ? DataLoadResult<CapacityCatalog>.Valid(new CapacityCatalog(conversions, [.. bottlenecks.OrderBy(b => b.Id, StringComparer.Ordinal)], volumes))
            : DataLoadResult<CapacityCatalog>.Invalid(file.AllProblems());
    }

    private static CapacityConversions? ReadConversions(JsonElement element, DataFile file, CorridorNetwork network)
    {
        if (JsonFields.Open(element, file.Problems, "conversions", "") is not { } f)
        {
            return null;
        }

        f.RejectUnknown("teuPerTrain", "cargoTonnesPerTeu", "operatingDaysPerYear", "teuPerContainer");
        ValueFigure? Factor(string name)
        {
            if (f.Required(name) is not { } e || FigureReader.ReadValue(e, file.Problems, "conversions", name) is not { } figure)
            {
                f.MarkFailed();
                return null;
            }

            if (!double.IsFinite(figure.Value) || figure.Value <= 0)
            {
                file.Add("conversions", $"{name}.value", $"{Number(figure.Value)} must be a finite number above 0");
                return null;
            }

            return CheckProvenance(figure.Provenance, file, network, "conversions", name) ? figure : null;
        }

        ValueFigure? perTrain = Factor("teuPerTrain");
        ValueFigure? tonnes = Factor("cargoTonnesPerTeu");
        ValueFigure? days = Factor("operatingDaysPerYear");
        ValueFigure? perContainer = Factor("teuPerContainer");
        if (days is { Value: > 366 })
        {
            file.Add("conversions", "operatingDaysPerYear.value", $"{Number(days.Value)} days exceeds a year");
            return null;
        }

        return perTrain is not null && tonnes is not null && days is not null && perContainer is not null
            ? new CapacityConversions(perTrain, tonnes, days, perContainer)
            : null;
    }

    private static Bottleneck? ReadBottleneck(
        JsonElement element, int index, DataFile file, CorridorNetwork network, CapacityConversions? conversions, HashSet<string> seen)
    {
        string? idText = element.ValueKind == JsonValueKind.Object && element.TryGetProperty("id", out JsonElement m)
            && m.ValueKind == JsonValueKind.String ? m.GetString() : null;
        string recordId = string.IsNullOrEmpty(idText) ? $"bottlenecks[{index}]" : idText;
        if (JsonFields.Open(element, file.Problems, recordId, "") is not { } f)
        {
            return null;
        }

        f.RejectUnknown("id", "name", "links", "places", "periods");
        string? id = f.RequiredString("id");
        if (id is not null && !seen.Add(id))
        {
            f.Fail("id", NetworkRule.DuplicateId, $"bottleneck '{id}' is defined more than once");
        }

        string? name = f.RequiredString("name");
        IReadOnlyList<string> linkIds = f.StringArray("links", required: true) ?? [];
        IReadOnlyList<string> placeIds = f.StringArray("places", required: true) ?? [];
        for (int i = 0; i < linkIds.Count; i++)
        {
            if (!network.TryGetLink(new LinkId(linkIds[i]), out _))
            {
                f.Fail($"links[{i}]", NetworkRule.UnknownPlace, $"unknown link '{linkIds[i]}'");
            }
        }

        for (int i = 0; i < placeIds.Count; i++)
        {
            if (!network.TryGetPlace(new PlaceId(placeIds[i]), out _))
            {
                f.Fail($"places[{i}]", NetworkRule.UnknownPlace, $"unknown place '{placeIds[i]}'");
            }
        }

        if (f.Ok && linkIds.Count + placeIds.Count == 0)
        {
            f.Fail("links", NetworkRule.WrongType, "a bottleneck applies to at least one link or place");
        }

        var periods = new List<CapacityPeriod>();
        if (f.Required("periods") is { } array)
        {
            if (array.ValueKind != JsonValueKind.Array || array.GetArrayLength() == 0)
            {
                f.Fail("periods", NetworkRule.WrongType, $"expected a non-empty array of capacity periods but found {JsonFields.Describe(array)}");
            }
            else
            {
                int i = 0;
                foreach (JsonElement item in array.EnumerateArray())
                {
                    if (ReadPeriod(item, $"periods[{i++}]", recordId, file, network, conversions) is { } period)
                    {
                        periods.Add(period);
                    }
                    else
                    {
                        f.MarkFailed();
                    }
                }
            }
        }

        periods.Sort((a, b) => a.From.Date.CompareTo(b.From.Date));
        for (int i = 1; i < periods.Count; i++)
        {
            if (periods[i - 1].To is not { } end || end.Date > periods[i].From.Date)
            {
                f.Fail("periods", NetworkRule.WrongType,
                    $"the period from {periods[i - 1].From.Date:yyyy-MM-dd} overlaps the one from {periods[i].From.Date:yyyy-MM-dd}; give the earlier one a 'to' date no later than that");
            }
        }

        return f.Ok && id is not null && name is not null
            ? new Bottleneck(id, name, [.. linkIds.Select(l => new LinkId(l))], [.. placeIds.Select(p => new PlaceId(p))], periods)
            : null;
    }

    private static CapacityPeriod? ReadPeriod(
        JsonElement element, string field, string recordId, DataFile file, CorridorNetwork network, CapacityConversions? conversions)
    {
        if (JsonFields.Open(element, file.Problems, recordId, field) is not { } f)
        {
            return null;
        }

        f.RejectUnknown("from", "to", "published", "teuPerYear", "note");
        DateFigure? from = null;
        if (f.Optional("from") is not { } fromElement)
        {
            f.Fail("from", NetworkRule.MissingProperty, "an undated capacity: every capacity needs a 'from' date with its source (or A-CAP-UNDATED)");
        }
        else if ((from = FigureReader.ReadDate(fromElement, file.Problems, recordId, f.Path("from"))) is null
                 || !CheckProvenance(from.Provenance, file, network, recordId, f.Path("from")))
        {
            f.MarkFailed();
        }

        DateFigure? to = null;
        if (f.Optional("to") is { } toElement
            && ((to = FigureReader.ReadDate(toElement, file.Problems, recordId, f.Path("to"))) is null
                || !CheckProvenance(to.Provenance, file, network, recordId, f.Path("to"))))
        {
            f.MarkFailed();
        }

        if (from is not null && to is not null && to.Date <= from.Date)
        {
            f.Fail("to", NetworkRule.InvalidDate, $"'to' {to.Date:yyyy-MM-dd} is not after 'from' {from.Date:yyyy-MM-dd}");
        }

        var published = new List<PublishedCapacity>();
        if (f.Required("published") is { } array)
        {
            if (array.ValueKind != JsonValueKind.Array || array.GetArrayLength() == 0)
            {
                f.Fail("published", NetworkRule.WrongType, $"expected a non-empty array of published capacities but found {JsonFields.Describe(array)}");
            }
            else
            {
                int i = 0;
                foreach (JsonElement item in array.EnumerateArray())
                {
                    string path = f.Path($"published[{i++}]");
                    CapacityFigure? figure = FigureReader.ReadCapacity(item, file.Problems, recordId, path);
                    if (figure is null)
                    {
                        f.MarkFailed();
                        continue;
                    }

                    if (!double.IsFinite(figure.Value) || figure.Value <= 0)
                    {
                        file.Add(recordId, $"{path}.value", $"capacity {Number(figure.Value)} must be a finite number above 0");
                        f.MarkFailed();
                    }

                    if (!CapacityCatalog.TryParseUnit(figure.Unit, out CapacityUnit unit))
                    {
                        file.Add(recordId, $"{path}.unit",
                            $"unknown unit '{figure.Unit}'; known: {string.Join(", ", Enum.GetValues<CapacityUnit>().Select(CapacityCatalog.UnitText))}");
                        f.MarkFailed();
                    }

                    if (figure.Provenance.SourceIds.Count == 0)
                    {
                        file.Add(recordId, $"{path}.sources", "a capacity without a source: a published capacity names at least one source id");
                        f.MarkFailed();
                    }
                    else if (!CheckProvenance(figure.Provenance, file, network, recordId, path))
                    {
                        f.MarkFailed();
                    }

                    published.Add(new PublishedCapacity(figure.Value, unit, figure.Provenance));
                }
            }
        }

        ValueFigure? stated = f.Required("teuPerYear") is { } t ? FigureReader.ReadValue(t, file.Problems, recordId, f.Path("teuPerYear")) : null;
        if (stated is null)
        {
            f.MarkFailed();
        }
        else if (string.IsNullOrWhiteSpace(stated.Provenance.DerivedMethod))
        {
            file.Add(recordId, f.Path("teuPerYear.derived"), "the TEU/yr is converted from the published figures: state the method in 'derived'");
            f.MarkFailed();
        }

        string note = f.OptionalString("note") ?? string.Empty;
        if (!f.Ok || from is null || stated is null || conversions is null)
        {
            return null;
        }

        double computed = published.Sum(p => conversions.ToTeuPerYear(p.Value, p.Unit));
        if (Math.Abs(stated.Value - computed) > TeuPerYearTolerance * computed)
        {
            file.Add(recordId, f.Path("teuPerYear.value"),
                $"states {Number(stated.Value)} TEU/yr but the published figures convert to {Number(Math.Round(computed))} TEU/yr");
            return null;
        }

        return new CapacityPeriod(from, to, published, stated.Value, stated.Provenance.DerivedMethod!, note);
    }

    private static DefaultVolumes? ReadDefaultVolumes(JsonElement element, DataFile file, CorridorNetwork network)
    {
        if (JsonFields.Open(element, file.Problems, "defaultVolumes", "") is not { } f)
        {
            return null;
        }

        f.RejectUnknown("description", "sources", "pairs");
        string? description = f.RequiredString("description");
        IReadOnlyList<string>? sources = f.StringArray("sources", required: true);
        if (sources is not null && !CheckProvenance(new Provenance(sources, null), file, network, "defaultVolumes", ""))
        {
            f.MarkFailed();
        }

        var pairs = new List<OdVolume>();
        if (f.Required("pairs") is { } array && array.ValueKind == JsonValueKind.Array)
        {
            int i = 0;
            foreach (JsonElement item in array.EnumerateArray())
            {
                string path = $"pairs[{i++}]";
                if (JsonFields.Open(item, file.Problems, "defaultVolumes", path) is not { } p)
                {
                    f.MarkFailed();
                    continue;
                }

                p.RejectUnknown("origin", "destination", "teuPerYear");
                string? origin = p.RequiredString("origin");
                string? destination = p.RequiredString("destination");
                foreach ((string name, string? id) in new[] { ("origin", origin), ("destination", destination) })
                {
                    if (id is not null && !network.TryGetPlace(new PlaceId(id), out _))
                    {
                        p.Fail(name, NetworkRule.UnknownPlace, $"unknown place '{id}'");
                    }
                }

                ValueFigure? teu = p.Required("teuPerYear") is { } t ? FigureReader.ReadValue(t, file.Problems, "defaultVolumes", p.Path("teuPerYear")) : null;
                if (teu is not null && (!double.IsFinite(teu.Value) || teu.Value <= 0))
                {
                    p.Fail("teuPerYear", NetworkRule.NonPositiveValue, $"{Number(teu.Value)} must be a finite number above 0");
                }

                if (teu is not null && !CheckProvenance(teu.Provenance, file, network, "defaultVolumes", p.Path("teuPerYear")))
                {
                    p.MarkFailed();
                }

                if (p.Ok && origin is not null && destination is not null && teu is not null)
                {
                    pairs.Add(new OdVolume(new PlaceId(origin), new PlaceId(destination), teu.Value,
                        teu.Provenance.DerivedMethod ?? string.Join(", ", teu.Provenance.SourceIds)));
                }
                else
                {
                    f.MarkFailed();
                }
            }
        }
        else
        {
            f.Fail("pairs", NetworkRule.WrongType, "expected an array of origin–destination volumes");
        }

        return f.Ok && description is not null && sources is not null ? new DefaultVolumes(description, sources, pairs) : null;
    }

    /// <summary>Sources or a derivation, and every source id known; false after reporting.</summary>
    private static bool CheckProvenance(Provenance provenance, DataFile file, CorridorNetwork network, string recordId, string field)
    {
        bool ok = true;
        if (provenance.SourceIds.Count == 0 && string.IsNullOrWhiteSpace(provenance.DerivedMethod))
        {
            file.Add(recordId, field, "figure names neither sources nor derived; every number needs a source id or the method it was derived by");
            ok = false;
        }

        for (int i = 0; i < provenance.SourceIds.Count; i++)
        {
            if (!network.TryGetSource(provenance.SourceIds[i], out _))
            {
                file.Add(recordId, $"{(field.Length == 0 ? "" : field + ".")}sources[{i}]", $"unknown source id '{provenance.SourceIds[i]}' (not in sources.csv)");
                ok = false;
            }
        }

        return ok;
    }

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
