using System.CommandLine;
using Corridors.Cli.Output;
using Corridors.Contracts.V1;

namespace Corridors.Cli.Commands;

/// <summary>
/// <c>corridors compare --from A --to B [...] [--scenario ID [--baseline]] [--json [--read-mask PATHS]] [--server URL]</c>:
/// each corridor's best route side by side; with <c>--baseline</c> the scenario's answers beside the baseline's, with
/// the deltas; with <c>--read-mask</c> only the named fields of the JSON answer (the request's <c>read_mask</c>).
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
        var readMask = new Option<string?>("--read-mask")
        {
            Description = "With --json: only these fields of the answer, comma-separated paths (e.g. comparisons.corridor_id,comparisons.transit_days); the others are neither computed nor sent, and fields at their default (0, empty) are left out of the JSON.",
        };
        var command = new Command("compare", "Compare the corridors between two places: distance, transit days P10/P50/P90, borders, gauge breaks.") { baseline, readMask };
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

            if (parse.GetValue(readMask) is { } paths)
            {
                if (!parse.GetValue(options.Json))
                {
                    errors.Add("--read-mask: only with --json (a table shows every figure)");
                }

                request.ReadMask = new Google.Protobuf.WellKnownTypes.FieldMask();
                request.ReadMask.Paths.Add(paths.Split(',', StringSplitOptions.TrimEntries));
            }

            return QueryCommandRunner.Run(context, parse, options, errors, target => target.CompareCorridors(request),
                request.IncludeBaseline ? ProtoText.WriteScenarioComparison : ProtoText.WriteComparison, masked: request.ReadMask is not null);
        });
        return command;
    }
}
