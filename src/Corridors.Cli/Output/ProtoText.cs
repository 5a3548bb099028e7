using System.Globalization;
using Corridors.Contracts.V1;

namespace Corridors.Cli.Output;

/// <summary>
/// The readable tables of the query commands, written from the proto responses: in-process answers are mapped to
/// the same responses (<c>Application/Mapping/ResponseWriter</c>) as a server's, so both print alike.
/// </summary>
internal static class ProtoText
{
    public static void WriteComparison(TextWriter output, CompareCorridorsResponse response)
    {
        if (response.ScenarioId.Length > 0)
        {
            output.WriteLine($"Scenario: {response.ScenarioId} (version {response.ScenarioVersion})");
        }

        output.WriteLine($"{response.Origin.Name} ({response.Origin.Country}) → {response.Destination.Name} ({response.Destination.Country}), as of {response.AsOf}, {Name(response.Objective.ToString())}");
        var table = new TextTable("CORRIDOR", "OUTCOME", "KM", "DAYS P10/P50/P90", "BORDERS", "GAUGE BREAKS", "RISK", "CO2E WTW KG", "NOTE");
        foreach (CorridorComparison c in response.Comparisons)
        {
            bool hasRoute = c.Legs.Count > 0;
            table.AddRow(
                c.CorridorId,
                Name(c.Outcome.ToString()),
                hasRoute ? Km(c.DistanceKm) : "-",
                hasRoute ? Days(c.TransitDays) : "-",
                hasRoute ? c.BorderCrossings.ToString(CultureInfo.InvariantCulture) : "-",
                hasRoute ? c.GaugeBreaks.ToString(CultureInfo.InvariantCulture) : "-",
                Risk(c.SanctionRisk),
                c.HasCo2EKg ? c.Co2EKg.ToString("N0", CultureInfo.InvariantCulture) : "-",
                c.Outcome == RouteOutcome.Found ? Via(c.Legs) : c.Explanation);
        }

        table.Write(output);
        WriteRiskExplanation(output, response.Comparisons);
        Co2eText.Write(output, response.Comparisons.Select(c => (c.CorridorId, c.Co2E)));
        WriteBasis(output, response.AsOf, response.DataFreshness,
            response.Comparisons.Select(c => (c.CorridorId, c.SanctionRisk, (IEnumerable<string>)c.Notes)));
    }

    /// <summary>
    /// What the figures rest on beyond reviewed, built network: links used on a forecast opening date, a sanction
    /// risk projected past the measures' review date, and sanction data past its freshness date.
    /// </summary>
    private static void WriteBasis(
        TextWriter output, string asOf, DataFreshness? freshness, IEnumerable<(string Label, SanctionRisk Risk, IEnumerable<string> Notes)> answers)
    {
        var lines = new List<string>();
        bool projected = false;
        string reviewedOn = freshness?.ReviewedOn ?? string.Empty;
        foreach ((string label, SanctionRisk? risk, IEnumerable<string> notes) in answers)
        {
            lines.AddRange(notes.Select(n => $"{label}: {n}"));
            if (risk?.Basis == RiskBasis.Projected)
            {
                projected = true;
                reviewedOn = risk.MeasuresReviewedOn;
            }
        }

        if (projected)
        {
            lines.Add($"sanction risk projected: as of {asOf} the measures reviewed on {reviewedOn} are assumed to persist; nothing adopted after the review is known");
        }

        if (freshness is { Stale: true })
        {
            lines.Add($"sanction data STALE: reviewed {freshness.ReviewedOn}, fresh until {freshness.FreshUntil}, {-freshness.DaysLeft} day(s) past it on {freshness.BusinessDate}");
        }

        if (lines.Count > 0)
        {
            output.WriteLine();
            lines.ForEach(output.WriteLine);
        }
    }

    /// <summary>Why each route scores what it scores: the measures that touch it, where, how much, and their sources.</summary>
    private static void WriteRiskExplanation(TextWriter output, IEnumerable<CorridorComparison> comparisons)
    {
        foreach (CorridorComparison c in comparisons)
        {
            if (c.SanctionRisk is not { Exposures.Count: > 0 } risk)
            {
                continue;
            }

            output.WriteLine();
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{c.CorridorId}: sanction risk {risk.Score:F1} ({Name(risk.Level.ToString())}) for {risk.Perspective}{(risk.Verdict == RiskVerdict.LicenceRequired ? " — licence required" : "")}"));
            foreach (RiskExposure e in risk.Exposures)
            {
                string effect = e.Prohibits ? ", prohibits" : e.LicenceAuthority.Length > 0 ? ", licence required" : "";
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {e.MeasureId} [{e.Regime}, {Name(e.Kind.ToString())}{effect}]: {e.DistanceKm:F0} km, {e.Days:F1} days, {e.Points:F2} points — sources {string.Join(", ", e.SourceIds)}"));
                if (e.LinkIds.Count > 0 || e.PlaceIds.Count > 0)
                {
                    output.WriteLine($"    on: {string.Join(", ", e.LinkIds.Concat(e.PlaceIds))}");
                }

                if (e.Act.Length > 0)
                {
                    output.WriteLine($"    act: {e.Act}; {e.Articles}; in force from {e.InForceFrom}");
                }

                if (e.Assumption.Length > 0)
                {
                    output.WriteLine($"    assumes: {e.Assumption}");
                }

                if (e.LicenceAuthority.Length > 0)
                {
                    output.WriteLine($"    licence: {e.LicenceAuthority} — {e.LicenceType}");
                }
            }
        }
    }

    /// <summary>The places where the route spends time (borders, gauge breaks, ports, ferries): what tells routes apart.</summary>
    private static string Via(IEnumerable<RouteLeg> legs) =>
        string.Join(" > ", legs.Skip(1).Where(l => l.DwellHours > 0).Select(l => l.From.Name));

    /// <summary>
    /// A scenario beside the baseline: per corridor both outcomes, the scenario's km, P50 days and risk, and each
    /// difference (scenario − baseline; "-" where either has no route).
    /// </summary>
    public static void WriteScenarioComparison(TextWriter output, CompareCorridorsResponse response)
    {
        output.WriteLine($"{response.Origin.Name} ({response.Origin.Country}) → {response.Destination.Name} ({response.Destination.Country}), as of {response.AsOf}, {Name(response.Objective.ToString())}");
        output.WriteLine($"Scenario {response.ScenarioId} (version {response.ScenarioVersion}) vs baseline");
        var table = new TextTable("CORRIDOR", "BASELINE", "SCENARIO", "KM", "ΔKM", "DAYS P50", "ΔDAYS P50", "RISK", "ΔRISK", "NOTE");
        for (int i = 0; i < response.Comparisons.Count; i++)
        {
            CorridorComparison c = response.Comparisons[i];
            CorridorDelta d = response.Deltas[i];
            bool hasRoute = c.Legs.Count > 0;
            table.AddRow(
                c.CorridorId,
                Name(d.BaselineOutcome.ToString()),
                Name(d.ScenarioOutcome.ToString()) + (d.OutcomeChanged ? " *" : string.Empty),
                hasRoute ? Km(c.DistanceKm) : "-",
                d.HasDeltaDistanceKm ? Signed(d.DeltaDistanceKm, "N0") : "-",
                hasRoute ? c.TransitDays.P50.ToString("F1", CultureInfo.InvariantCulture) : "-",
                d.HasDeltaP50Days ? Signed(d.DeltaP50Days, "F1") : "-",
                hasRoute ? Risk(c.SanctionRisk) : "-",
                d.HasDeltaRiskScore ? Signed(d.DeltaRiskScore, "F0") : "-",
                c.Outcome == RouteOutcome.Found ? string.Empty : c.Explanation);
        }

        table.Write(output);
        if (response.Deltas.Any(d => d.OutcomeChanged))
        {
            output.WriteLine("* outcome differs from the baseline");
        }

        WriteBasis(output, response.AsOf, response.DataFreshness,
            response.Comparisons.Select(c => (c.CorridorId, c.SanctionRisk, (IEnumerable<string>)c.Notes)));
    }

    private static string Signed(double value, string format)
    {
        string text = value.ToString(format, CultureInfo.InvariantCulture);
        return value > 0 && text.Any(ch => ch is >= '1' and <= '9') ? "+" + text : text;
    }

    public static void WriteRoutes(TextWriter output, FindRoutesResponse response)
    {
        if (response.Answer.Outcome != RouteOutcome.Found)
        {
            output.WriteLine($"{Name(response.Answer.Outcome.ToString())}: {response.Answer.Explanation}");
            return;
        }

        int rank = 1;
        foreach (Route route in response.Routes)
        {
            output.WriteLine($"#{rank++}  {Km(route.DistanceKm)} km  {Days(route.TransitDays)} days  borders {route.BorderCrossings}  gauge breaks {route.GaugeBreaks}  risk {Risk(route.SanctionRisk)}  CO2e WTW {(route.HasCo2EKg ? route.Co2EKg.ToString("N0", CultureInfo.InvariantCulture) : "-")} kg  corridors {string.Join(",", route.CorridorIds)}");
            var table = new TextTable("FROM", "TO", "MODE", "KM", "P50 H", "DWELL H");
            foreach (RouteLeg leg in route.Legs)
            {
                table.AddRow(leg.From.Name, leg.To.Name, Name(leg.Mode.ToString()), Km(leg.DistanceKm),
                    leg.Hours.P50.ToString("F1", CultureInfo.InvariantCulture), leg.DwellHours.ToString("F1", CultureInfo.InvariantCulture));
            }

            table.Write(output);
            output.WriteLine();
        }

        Co2eText.Write(output, response.Routes.Select((r, i) => ($"#{i + 1}", r.Co2E)));
        WriteBasis(output, response.AsOf, response.DataFreshness,
            response.Routes.Select((r, i) => ($"#{i + 1}", r.SanctionRisk, (IEnumerable<string>)r.Notes)));
    }

    public static void WritePareto(TextWriter output, FindParetoRoutesResponse response)
    {
        if (response.Answer.Outcome != RouteOutcome.Found)
        {
            output.WriteLine($"{Name(response.Answer.Outcome.ToString())}: {response.Answer.Explanation}");
            return;
        }

        var table = new TextTable("P50 DAYS", "KM", "DAYS P10/P50/P90", "BORDERS", "CORRIDORS");
        foreach (ParetoRoute member in response.Routes)
        {
            Route r = member.Route;
            table.AddRow(r.TransitDays.P50.ToString("F1", CultureInfo.InvariantCulture), Km(r.DistanceKm), Days(r.TransitDays),
                r.BorderCrossings.ToString(CultureInfo.InvariantCulture), string.Join(",", r.CorridorIds));
        }

        table.Write(output);
        if (response.Truncated)
        {
            output.WriteLine("note: the label bound was reached; the front may be incomplete");
        }

        WriteBasis(output, response.AsOf, response.DataFreshness,
            response.Routes.Select((m, i) => ($"#{i + 1}", m.Route.SanctionRisk, (IEnumerable<string>)m.Route.Notes)));
    }

    /// <summary>C# enum member name in kebab-case: <c>NotYetOpen</c> → <c>not-yet-open</c>, as the in-process tables print it.</summary>
    private static string Name(string member) =>
        string.Concat(member.Select((c, i) => char.IsUpper(c) && i > 0 ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));

    private static string Km(double km) => km.ToString("N0", CultureInfo.InvariantCulture);

    private static string Days(TransitDays? days) => days is null ? "-"
        : string.Create(CultureInfo.InvariantCulture, $"{days.P10:F1}/{days.P50:F1}/{days.P90:F1}");

    private static string Risk(SanctionRisk? risk) => risk is null ? "-"
        : string.Create(CultureInfo.InvariantCulture, $"{risk.Score:F0} {Name(risk.Level.ToString())}{(risk.Verdict == RiskVerdict.LicenceRequired ? ", licence" : "")}");
}
