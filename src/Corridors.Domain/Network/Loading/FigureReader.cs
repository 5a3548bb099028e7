using System.Globalization;
using System.Text.Json;
using Corridors.Domain.Network.Validation;

namespace Corridors.Domain.Network.Loading;

/// <summary>
/// Reads the sourced figures of <c>networks/README.md</c> ("Figures: every number carries its source"). Shape
/// problems (wrong type, missing value, unknown property, bad date) are reported here; value rules (range order,
/// provenance present, source ids known) are the validator's.
/// </summary>
internal static class FigureReader
{
    private static readonly string[] ValueProperties = ["value", "sources", "derived"];
    private static readonly string[] RangeProperties = ["min", "typical", "max", "sources", "derived"];
    private static readonly string[] DateProperties = ["date", "sources", "derived"];
    private static readonly string[] CapacityProperties = ["value", "unit", "sources", "derived"];
    private static readonly string[] DwellProperties = ["kind", "minHours", "typicalHours", "maxHours", "sources", "derived"];

    public static ValueFigure? ReadValue(JsonElement element, FileProblems problems, string? featureId, string field)
    {
        if (JsonFields.Open(element, problems, featureId, field) is not { } fields)
        {
            return null;
        }

        fields.RejectUnknown(ValueProperties);
        double? value = fields.RequiredNumber("value");
        Provenance? provenance = ReadProvenance(fields);
        return fields.Ok && value is not null && provenance is not null ? new ValueFigure(value.Value, provenance) : null;
    }

    public static RangeFigure? ReadRange(JsonElement element, FileProblems problems, string? featureId, string field)
    {
        if (JsonFields.Open(element, problems, featureId, field) is not { } fields)
        {
            return null;
        }

        fields.RejectUnknown(RangeProperties);
        double? min = fields.RequiredNumber("min");
        double? typical = fields.RequiredNumber("typical");
        double? max = fields.RequiredNumber("max");
        Provenance? provenance = ReadProvenance(fields);
        return fields.Ok && min is not null && typical is not null && max is not null && provenance is not null
            ? new RangeFigure(min.Value, typical.Value, max.Value, provenance)
            : null;
    }

    public static DateFigure? ReadDate(JsonElement element, FileProblems problems, string? featureId, string field)
    {
        if (JsonFields.Open(element, problems, featureId, field) is not { } fields)
        {
            return null;
        }

        fields.RejectUnknown(DateProperties);
        string? text = fields.RequiredString("date");
        DateOnly? date = null;
        if (text is not null)
        {
            if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out DateOnly parsed))
            {
                date = parsed;
            }
            else
            {
                fields.Fail("date", NetworkRule.InvalidDate, $"date '{text}' is not a calendar date in the form yyyy-MM-dd");
            }
        }

        Provenance? provenance = ReadProvenance(fields);
        return fields.Ok && date is not null && provenance is not null ? new DateFigure(date.Value, provenance) : null;
    }

    public static CapacityFigure? ReadCapacity(JsonElement element, FileProblems problems, string? featureId, string field)
    {
        if (JsonFields.Open(element, problems, featureId, field) is not { } fields)
        {
            return null;
        }

        fields.RejectUnknown(CapacityProperties);
        double? value = fields.RequiredNumber("value");
        string? unit = fields.RequiredString("unit");
        Provenance? provenance = ReadProvenance(fields);
        return fields.Ok && value is not null && unit is not null && provenance is not null
            ? new CapacityFigure(value.Value, unit, provenance)
            : null;
    }

    public static Dwell? ReadDwell(JsonElement element, FileProblems problems, string? featureId, string field)
    {
        if (JsonFields.Open(element, problems, featureId, field) is not { } fields)
        {
            return null;
        }

        fields.RejectUnknown(DwellProperties);
        string? kindText = fields.RequiredString("kind");
        DwellKind? kind = null;
        if (kindText is not null)
        {
            if (EnumNames.TryParseKebab(kindText, out DwellKind parsed))
            {
                kind = parsed;
            }
            else
            {
                fields.Fail("kind", NetworkRule.UnknownKind,
                    $"unknown dwell kind '{kindText}'; allowed: {EnumNames.AllKebab<DwellKind>()}");
            }
        }

        double? min = fields.RequiredNumber("minHours");
        double? typical = fields.RequiredNumber("typicalHours");
        double? max = fields.RequiredNumber("maxHours");
        Provenance? provenance = ReadProvenance(fields);
        return fields.Ok && kind is not null && min is not null && typical is not null && max is not null && provenance is not null
            ? new Dwell(kind.Value, new RangeFigure(min.Value, typical.Value, max.Value, provenance))
            : null;
    }

    /// <summary>
    /// <c>sources</c> and <c>derived</c> as given; whether at least one is present is the validator's rule, so that
    /// it is reported with the others.
    /// </summary>
    private static Provenance? ReadProvenance(JsonFields fields)
    {
        IReadOnlyList<string>? sources = fields.StringArray("sources", required: false);
        string? derived = fields.OptionalString("derived");
        return fields.Ok ? new Provenance(sources ?? [], derived) : null;
    }
}
