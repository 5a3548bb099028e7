using System.CommandLine;
using Corridors.Cli.Output;
using Corridors.Contracts.V1;

namespace Corridors.Cli.Commands;

/// <summary>
/// <c>corridors compare --from A --to B [...] [--scenario ID [--baseline]] [--server URL]</c>: each corridor's best
/// route side by side; with <c>--baseline</c> the scenario's answers beside the baseline's, with the deltas.
/// </summary>
internal static class CompareCommand
{
    public static Command Create(CliContext context)
    {
        var options = new QueryCommandOptions();
        var baseline = new Option<bool>("--baseline")
        {
            Description = "With --scenario: also answer under the baseline and print both with the differences (scenario − baseline).",
        };
        var command = new Command("compare", "Compare the corridors between two places: distance, transit days P10/P50/P90, borders, gauge breaks.") { baseline };
        options.AddTo(command);
        command.SetAction(parse =>
        {
            var errors = new List<string>();
            var request = new CompareCorridorsRequest
            {
                Origin = parse.GetValue(options.From)!,
                Destination = parse.GetValue(options.To)!,
                Constraints = options.Constraints(parse, corridorId: null, errors),
                ScenarioId = options.ScenarioId(parse),
                IncludeBaseline = parse.GetValue(baseline),
            };
            if (options.ObjectiveOf(parse, errors) is { } objective)
            {
                request.Objective = objective;
            }

            return QueryCommandRunner.Run(context, parse, options, errors, target => target.CompareCorridors(request),
                request.IncludeBaseline ? ProtoText.WriteScenarioComparison : ProtoText.WriteComparison);
        });
        return command;
    }
}
