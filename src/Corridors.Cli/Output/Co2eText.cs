using System.Globalization;
using Corridors.Contracts.V1;

namespace Corridors.Cli.Output;

/// <summary>
/// The CO2e explanation under a table: per answer WTW and TTW with line haul and hubs, what the figures rest on, and
/// every factor used with its value and sources, stand-ins marked, so that a reader can check each number.
/// </summary>
internal static class Co2eText
{
    public static void Write(TextWriter output, IEnumerable<(string Label, RouteCo2e Co2e)> answers)
    {
        List<(string Label, RouteCo2e Co2e)> assessed = [.. answers.Where(a => a.Co2e is not null)];
        if (assessed.Count == 0)
        {
            return;
        }

        output.WriteLine();
        output.WriteLine("CO2e per container, well-to-wheel (tank-to-wheel beside it): an ISO 14083-style estimate, not an accredited calculation");
        foreach ((string label, RouteCo2e c) in assessed)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {label}: {c.WtwKg:N0} kg WTW, {c.TtwKg:N0} kg TTW (line haul {c.LineHaulWtwKg:N0}, {c.Hubs.Count} hubs {c.HubWtwKg:N0}; grid year {c.GridYear}){(c.UsesStandIns ? "; uses stand-ins" : "")}"));
            foreach (string note in c.Notes)
            {
                output.WriteLine($"    {note}");
            }
        }

        output.WriteLine("Factors (* stand-in: an assumption or a value for another lane, country or year):");
        foreach (Co2eFactor f in assessed.SelectMany(a => a.Co2e.Factors).DistinctBy(f => f.Id).OrderBy(f => f.Id, StringComparer.Ordinal))
        {
            output.WriteLine($"  {(f.StandIn ? "*" : " ")}{f.Id}: {f.Value} — sources {string.Join(", ", f.SourceIds)}");
        }
    }
}
