using System.CommandLine;
using Corridors.Cli.Output;
using Corridors.Domain.Routing;

namespace Corridors.Cli.Commands;

/// <summary><c>corridors pareto --from A --to B [--corridor ID] [...]</c>: routes no other route beats on both time and distance.</summary>
internal static class ParetoCommand
{
    public static Command Create(CliContext context)
    {
        var options = new QueryOptions();
        var corridor = new Option<string?>("--corridor") { Description = "Restrict to one corridor (plus the access networks)." };
        var command = new Command("pareto", "Pareto front over transit time (P50) and distance.") { corridor };
        options.AddTo(command);
        command.SetAction(parse => QueryCommandRunner.Run(context, parse, options, RouteCommand.CorridorFrom(parse, corridor), (router, query) =>
        {
            QueryResult<ParetoFront> result = router.FindPareto(query);
            if (!result.IsSuccess)
            {
                return QueryCommandRunner.Fail(context, result);
            }

            if (parse.GetValue(options.Json))
            {
                RouteJson.WritePareto(context.Output, router.WithDefaults(query), router.Network.GetPlace(query.Origin), router.Network.GetPlace(query.Destination), result.Value!);
            }
            else
            {
                RouteText.WritePareto(context.Output, result.Value!);
            }

            return ExitCodes.Success;
        }));
        return command;
    }
}
