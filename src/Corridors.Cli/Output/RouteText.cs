using System.Globalization;
using Corridors.Domain.Network;
using Corridors.Domain.Routing;

namespace Corridors.Cli.Output;

/// <summary>The readable tables the query commands print without <c>--json</c>.</summary>
internal static class RouteText
{
    public static void WriteComparison(TextWriter output, CorridorComparisonSet set)
    {
        output.WriteLine($"{set.Origin.Name} ({set.Origin.CountryCode}) → {set.Destination.Name} ({set.Destination.CountryCode}), as of {set.AsOf:yyyy-MM-dd}, {EnumNames.ToKebab(set.Objective)}");
        var table = new TextTable("CORRIDOR", "OUTCOME", "KM", "DAYS P10/P50/P90", "BORDERS", "GAUGE BREAKS", "RISK", "CO2E KG", "VIA");
        foreach (CorridorComparison c in set.Comparisons)
        {
            Route? r = c.Answer.Route;
            table.AddRow(
                c.Corridor.Id.Value,
                EnumNames.ToKebab(c.Answer.Outcome),
                r is null ? "-" : Km(r.DistanceKm),
                r is null ? "-" : Days(r),
                r is null ? "-" : r.BorderCrossings.ToString(CultureInfo.InvariantCulture),
                r is null ? "-" : r.GaugeBreaks.ToString(CultureInfo.InvariantCulture),
                r is null ? "-" : Risk(r),
                r is null ? "-" : Co2e(r),
                r is null ? c.Answer.Explanation : Via(r));
        }

        table.Write(output);
        foreach (CorridorComparison c in set.Comparisons.Where(c => c.Answer.Outcome == RouteOutcome.Prohibited))
        {
            output.WriteLine($"{c.Corridor.Id}: {c.Answer.Explanation}");
        }

        WriteRiskExplanation(output, set);
    }

    /// <summary>Why each found route scores what it scores: the measures that touch it, where and how much.</summary>
    private static void WriteRiskExplanation(TextWriter output, CorridorComparisonSet set)
    {
        foreach (CorridorComparison c in set.Comparisons)
        {
            if (c.Answer.Route?.SanctionRisk is not { Exposures.Count: > 0 } risk)
            {
                continue;
            }

            output.WriteLine();
            output.WriteLine($"{c.Corridor.Id}: sanction risk {risk.Score:F1} ({EnumNames.ToKebab(risk.Level)}) for {risk.Perspective}");
            foreach (var exposure in risk.Exposures)
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {exposure.Measure.Id} [{exposure.Measure.Regime}, {EnumNames.ToKebab(exposure.Measure.Kind)}{(exposure.Measure.Prohibits ? ", prohibits" : "")}]: {exposure.DistanceKm:F0} km, {exposure.Days:F1} days, {exposure.Points:F2} points — sources {string.Join(", ", exposure.Measure.SourceIds)}"));
            }
        }
    }

    private static string Risk(Route r) => r.SanctionRisk is { } risk
        ? string.Create(CultureInfo.InvariantCulture, $"{risk.Score:F0} {EnumNames.ToKebab(risk.Level)}")
        : "-";

    private static string Co2e(Route r) => r.Emissions is { } e ? e.TotalCo2eKg.ToString("N0", CultureInfo.InvariantCulture) : "-";

    public static void WriteRoutes(TextWriter output, RouteSet set)
    {
        if (set.Answer.Outcome != RouteOutcome.Found)
        {
            output.WriteLine($"{EnumNames.ToKebab(set.Answer.Outcome)}: {set.Answer.Explanation}");
            return;
        }

        int rank = 1;
        foreach (Route route in set.Routes)
        {
            output.WriteLine($"#{rank++}  {Km(route.DistanceKm)} km  {Days(route)} days  borders {route.BorderCrossings}  gauge breaks {route.GaugeBreaks}  risk {Risk(route)}  CO2e {Co2e(route)} kg  corridors {string.Join(",", route.CorridorsUsed)}");
            WriteLegs(output, route);
            output.WriteLine();
        }
    }

    public static void WritePareto(TextWriter output, ParetoFront front)
    {
        if (front.Answer.Outcome != RouteOutcome.Found)
        {
            output.WriteLine($"{EnumNames.ToKebab(front.Answer.Outcome)}: {front.Answer.Explanation}");
            return;
        }

        var table = new TextTable("P50 DAYS", "KM", "DAYS P10/P50/P90", "BORDERS", "VIA");
        foreach (ParetoRoute member in front.Routes)
        {
            Route r = member.Route;
            table.AddRow(r.TransitDays.P50.ToString("F1", CultureInfo.InvariantCulture), Km(r.DistanceKm), Days(r), r.BorderCrossings.ToString(CultureInfo.InvariantCulture), Via(r));
        }

        table.Write(output);
        if (front.Truncated)
        {
            output.WriteLine("note: the label bound was reached; the front may be incomplete");
        }
    }

    private static void WriteLegs(TextWriter output, Route route)
    {
        var table = new TextTable("FROM", "TO", "MODE", "KM", "P50 H", "DWELL H");
        foreach (RouteLeg leg in route.Legs)
        {
            table.AddRow(leg.From.Name, leg.To.Name, EnumNames.ToKebab(leg.Mode), Km(leg.DistanceKm),
                leg.P50Hours.ToString("F1", CultureInfo.InvariantCulture), leg.DwellHours.ToString("F1", CultureInfo.InvariantCulture));
        }

        table.Write(output);
    }

    private static string Km(double km) => km.ToString("N0", CultureInfo.InvariantCulture);

    private static string Days(Route r) => string.Create(CultureInfo.InvariantCulture, $"{r.TransitDays.P10:F1}/{r.TransitDays.P50:F1}/{r.TransitDays.P90:F1}");

    /// <summary>Border crossings, ports and chokepoints on the way: the places that tell routes apart.</summary>
    private static string Via(Route r) => string.Join(" > ", r.Places
        .Skip(1).SkipLast(1)
        .Where(p => p.Kind is PlaceKind.BorderCrossing or PlaceKind.Chokepoint or PlaceKind.FerryTerminal or PlaceKind.Seaport)
        .Select(p => p.Name));
}
