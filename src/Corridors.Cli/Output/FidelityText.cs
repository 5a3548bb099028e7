using System.Globalization;
using Corridors.Domain.Fidelity;

namespace Corridors.Cli.Output;

/// <summary>The fidelity table: one row per published figure, the model beside it.</summary>
internal static class FidelityText
{
    public static void Write(TextWriter output, IReadOnlyList<FidelityRow> rows)
    {
        var table = new TextTable("SOURCE", "JOURNEY", "CORRIDOR", "QUANTITY", "PUBLISHED", "MODEL", "DIFF", "TOLERANCE", "VERDICT", "NOTE");
        foreach (FidelityRow row in rows)
        {
            PublishedFigure f = row.Figure;
            table.AddRow(
                f.SourceId,
                $"{f.From} → {f.To}",
                f.Minus is { } minus ? $"{f.Corridor} − {minus}" : f.Corridor.Value,
                f.Quantity == FigureQuantity.Distance ? "distance" : "transit days",
                Published(f),
                Model(row),
                Difference(row),
                Tolerance(f),
                row.Model is null ? "no route" : row.Within ? "within" : "OUTSIDE",
                row.Model is null ? row.Explanation : f.Note);
        }

        table.Write(output);
        int within = rows.Count(r => r.Within);
        output.WriteLine();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{within} of {rows.Count} figures within tolerance (land distance ±{FidelityReport.LandDistanceToleranceRatio:P0}, sea distance ±{FidelityReport.SeaDistanceToleranceRatio:P0}, transit P50 inside a published range or a single published value inside P10–P90)"));
    }

    private static string Published(PublishedFigure f)
    {
        if (f.Quantity == FigureQuantity.TransitDays)
        {
            return f.IsRange ? Invariant($"{f.Low:0.#}–{f.High:0.#} d") : Invariant($"{f.Low:0.#} d");
        }

        double scale = f.NauticalMiles ? PublishedFigure.KmPerNauticalMile : 1;
        string unit = f.NauticalMiles ? "nm" : "km";
        return f.IsRange ? Invariant($"{f.Low / scale:N0}–{f.High / scale:N0} {unit}") : Invariant($"{f.Low / scale:N0} {unit}");
    }

    private static string Model(FidelityRow row)
    {
        if (row.Model is not { } value)
        {
            return "-";
        }

        PublishedFigure f = row.Figure;
        if (f.Quantity == FigureQuantity.TransitDays)
        {
            return row.ModelP10 is { } p10 && row.ModelP90 is { } p90
                ? Invariant($"{p10:F1}/{value:F1}/{p90:F1} d")
                : Invariant($"{value:F1} d");
        }

        return f.NauticalMiles ? Invariant($"{value / PublishedFigure.KmPerNauticalMile:N0} nm") : Invariant($"{value:N0} km");
    }

    private static string Difference(FidelityRow row) => row.Difference is not { } d ? "-"
        : row.Figure.Quantity == FigureQuantity.Distance ? Invariant($"{d * 100:+0.0;-0.0;0.0} %")
        : Invariant($"{d:+0.0;-0.0;0.0} d");

    private static string Tolerance(PublishedFigure f) => f.Quantity switch
    {
        FigureQuantity.Distance => Invariant($"±{(f.NauticalMiles ? FidelityReport.SeaDistanceToleranceRatio : FidelityReport.LandDistanceToleranceRatio) * 100:0} %"),
        _ => f.IsRange ? "P50 in range" : "in P10–P90",
    };

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
