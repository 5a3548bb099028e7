using System.CommandLine;
using Corridors.Cli.Output;
using Corridors.Contracts.V1;
using Corridors.Domain.Routing;

namespace Corridors.Cli.Commands;

/// <summary><c>corridors route --from A --to B [--alternatives K] [--corridor ID] [...] [--server URL]</c>: best route and alternatives.</summary>
internal static class RouteCommand
{
    public static Command Create(CliContext context)
    {
        var options = new QueryCommandOptions();
        var corridor = new Option<string?>("--corridor") { Description = "Restrict to one corridor (plus the access networks)." };
        var alternatives = new Option<int>("--alternatives")
        {
            Description = $"Alternatives besides the best route, 0–{CorridorRouter.MaxAlternatives}.",
            DefaultValueFactory = _ => 0,
        };
        var maxOverlap = new Option<double>("--max-overlap")
        {
            Description = "Largest share of an alternative's km shared with a route listed before it, in (0, 1].",
            DefaultValueFactory = _ => CorridorRouter.DefaultMaxOverlap,
        };
        var command = new Command("route", "Best route for an objective, with alternatives (Yen's k-shortest with an overlap cap).")
        {
            corridor, alternatives, maxOverlap,
        };
        options.AddTo(command);
        command.SetAction(parse =>
        {
            var errors = new List<string>();
            var request = new FindRoutesRequest
            {
                Origin = parse.GetValue(options.From)!,
                Destination = parse.GetValue(options.To)!,
                Constraints = options.Constraints(parse, parse.GetValue(corridor), errors),
                ScenarioId = options.ScenarioId(parse),
                Alternatives = parse.GetValue(alternatives),
                MaxOverlap = parse.GetValue(maxOverlap),
            };
            if (options.ObjectiveOf(parse, errors) is { } objective)
            {
                request.Objective = objective;
            }

            return QueryCommandRunner.Run(context, parse, options, errors, target => target.FindRoutes(request), ProtoText.WriteRoutes);
        });
        return command;
    }
}
