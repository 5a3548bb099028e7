using System.CommandLine;
using Corridors.Cli.Output;
using Corridors.Contracts.V1;

namespace Corridors.Cli.Commands;

/// <summary><c>corridors pareto --from A --to B [--corridor ID] [...] [--server URL]</c>: routes no other route beats on both time and distance.</summary>
internal static class ParetoCommand
{
    public static Command Create(CliContext context)
    {
        var options = new QueryCommandOptions();
        var corridor = new Option<string?>("--corridor") { Description = "Restrict to one corridor (plus the access networks)." };
        var command = new Command("pareto", "Pareto front over transit time (P50) and distance.") { corridor };
        options.AddTo(command);
        command.SetAction(parse =>
        {
            var errors = new List<string>();
            var request = new FindParetoRoutesRequest
            {
                Origin = parse.GetValue(options.From)!,
                Destination = parse.GetValue(options.To)!,
                Constraints = options.Constraints(parse, parse.GetValue(corridor), errors),
                ScenarioId = options.ScenarioId(parse),
            };
            return QueryCommandRunner.Run(context, parse, options, errors, target => target.FindParetoRoutes(request), ProtoText.WritePareto);
        });
        return command;
    }
}
