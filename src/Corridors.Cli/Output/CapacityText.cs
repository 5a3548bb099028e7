using System.Globalization;
using Corridors.Contracts.V1;

namespace Corridors.Cli.Output;

/// <summary>The text form of <c>corridors capacity</c>: corridors, bottlenecks, routes, unserved volume, basis.</summary>
internal static class CapacityText
{
    public static void Write(TextWriter output, AnalyzeCapacityResponse r)
    {
        string scenario = r.ScenarioId.Length > 0 ? $", scenario {r.ScenarioId}" : string.Empty;
        output.WriteLine($"Capacity as of {r.AsOf}{scenario}: {N(r.Volumes.Sum(v => v.TeuPerYear))} TEU/yr in {r.Volumes.Count} pairs ({r.VolumeSet} volumes)");
        bool baseline = r.Corridors.Any(c => c.HasBaselineTeuPerYear);
        var corridors = baseline
            ? new TextTable("CORRIDOR", "TEU/YR", "BASELINE TEU/YR", "DIVERTED TEU/YR")
            : new TextTable("CORRIDOR", "TEU/YR");
        foreach (CorridorFlow c in r.Corridors)
        {
            if (baseline)
            {
                corridors.AddRow(c.CorridorId, N(c.TeuPerYear), N(c.BaselineTeuPerYear), Signed(c.DivertedTeuPerYear));
            }
            else
            {
                corridors.AddRow(c.CorridorId, N(c.TeuPerYear));
            }
        }

        corridors.Write(output);
        output.WriteLine();
        bool usd = r.ValueOfTimeUsdPerTeuDay > 0;
        var bottlenecks = new TextTable("BOTTLENECK", "CAPACITY TEU/YR", "LOAD TEU/YR", "UTIL", "BINDING", usd ? "SAVES USD/YR PER +1 TRAIN/DAY" : "SAVES TEU-DAYS/YR PER +1 TRAIN/DAY", "PUBLISHED", "SOURCES");
        foreach (BottleneckUtilisation b in r.Bottlenecks)
        {
            bottlenecks.AddRow(
                b.Id,
                b.HasCapacity ? N(b.CapacityTeuPerYear) : "none in force",
                N(b.LoadTeuPerYear),
                b.HasCapacity ? b.Utilisation.ToString("P0", CultureInfo.InvariantCulture) : "-",
                b.Binding ? (b.AgainstUnservedPenalty ? "yes*" : "yes") : "",
                b.Binding ? N(usd ? b.ShadowPriceUsdPerTrainPerDay : b.ShadowPriceDaysPerTrainPerDay) : "",
                string.Join(" + ", b.Published.Select(p => $"{p.Value.ToString("G", CultureInfo.InvariantCulture)} {p.Unit}")),
                string.Join(", ", b.Sources));
        }

        bottlenecks.Write(output);
        if (r.Bottlenecks.Any(b => b.AgainstUnservedPenalty))
        {
            output.WriteLine("  * volume using it is unserved: its shadow price is measured against the unserved penalty");
        }

        output.WriteLine();
        var routes = new TextTable("ORIGIN", "DESTINATION", "CORRIDOR", "TEU/YR", "DAYS P50", "RISK", "VIA");
        foreach (RouteFlow f in r.Routes)
        {
            routes.AddRow(f.Origin.Id, f.Destination.Id, f.CorridorId, N(f.TeuPerYear),
                f.TransitDaysP50.ToString("F1", CultureInfo.InvariantCulture), f.RiskScore.ToString("F0", CultureInfo.InvariantCulture), f.Via);
        }

        routes.Write(output);
        foreach (UnservedVolume u in r.Unserved)
        {
            output.WriteLine($"unserved: {u.Origin.Id} → {u.Destination.Id} {N(u.TeuPerYear)} TEU/yr: {u.Reason}");
        }

        output.WriteLine();
        output.WriteLine($"Total {N(r.TotalCostTeuDays)} TEU-days/yr{(usd ? $" = USD {N(r.TotalCostUsd)}/yr at {r.ValueOfTimeUsdPerTeuDay} USD per TEU-day" : "")}; risk penalty {r.RiskPenaltyDaysPer100Points} days per 100 points; unserved penalty {r.UnservedPenaltyDaysPerTeu} days per TEU.");
        if (r.VolumeSetDescription.Length > 0)
        {
            output.WriteLine($"Volumes: {r.VolumeSetDescription} ({string.Join(", ", r.VolumeSetSources)})");
        }

        output.WriteLine($"Method: {r.Method}. Capacities: networks/capacities.json, converted to TEU/yr as stated per bottleneck (--json shows each method).");
    }

    private static string N(double value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string Signed(double value) => value > 0 ? "+" + N(value) : N(value);
}
