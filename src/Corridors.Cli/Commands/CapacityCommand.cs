using System.CommandLine;
using Corridors.Cli.Output;
using Corridors.Contracts.V1;

namespace Corridors.Cli.Commands;

/// <summary>
/// <c>corridors capacity [--as-of D] [--scenario ID] [--volumes FILE] [--perspective …] [--allowed-only] [--json]
/// [--server URL]</c>: annual volumes assigned to the corridors' routes within the bottlenecks' capacities, with
/// utilisation, binding constraints and their shadow prices; with a scenario or constraints, the diversion from the
/// baseline.
/// </summary>
internal static class CapacityCommand
{
    public static Command Create(CliContext context)
    {
        var options = new QueryCommandOptions();
        var volumes = new Option<string?>("--volumes")
        {
            Description = "CSV file of origin,destination,teu_per_year lines (default: the 2024 set in networks/capacities.json).",
        };
        var riskPenalty = new Option<double?>("--risk-penalty-days")
        {
            Description = "Days added to a route's cost per TEU per 100 points of sanction risk score (default 0).",
        };
        var valueOfTime = new Option<double?>("--value-of-time")
        {
            Description = "Value of time in USD per TEU-day: costs and shadow prices are also given in USD.",
        };
        var command = new Command("capacity", "Assign China–Europe volumes to the corridors within their bottlenecks' capacities.")
        {
            volumes, riskPenalty, valueOfTime,
        };
        options.AddWithoutPlacesTo(command);
        command.SetAction(parse =>
        {
            var errors = new List<string>();
            var request = new AnalyzeCapacityRequest
            {
                Constraints = options.Constraints(parse, corridorId: null, errors),
                ScenarioId = options.ScenarioId(parse),
            };
            if (parse.GetValue(volumes) is { } file && VolumesFile.Read(file, context.CurrentDirectory, errors) is { } read)
            {
                request.Volumes.Add(read);
            }

            if (parse.GetValue(riskPenalty) is { } days)
            {
                request.RiskPenaltyDaysPer100Points = days;
            }

            if (parse.GetValue(valueOfTime) is { } usd)
            {
                request.ValueOfTimeUsdPerTeuDay = usd;
            }

            return QueryCommandRunner.Run(context, parse, options, errors, target => target.AnalyzeCapacity(request), CapacityText.Write);
        });
        return command;
    }
}
