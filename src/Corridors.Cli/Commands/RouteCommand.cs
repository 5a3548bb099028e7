using System.CommandLine;
using Corridors.Cli.Output;
using Corridors.Domain.Network;
using Corridors.Domain.Routing;

namespace Corridors.Cli.Commands;

/// <summary><c>corridors route --from A --to B [--alternatives K] [--corridor ID] [...]</c>: best route and alternatives.</summary>
internal static class RouteCommand
{
    public static Command Create(CliContext context)
    {
        var options = new QueryOptions();
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
        command.SetAction(parse => QueryCommandRunner.Run(context, parse, options, CorridorFrom(parse, corridor), (router, query) =>
        {
            QueryResult<RouteSet> result = router.FindRoutes(query, parse.GetValue(alternatives), parse.GetValue(maxOverlap));
            if (!result.IsSuccess)
            {
                return QueryCommandRunner.Fail(context, result);
            }

            if (parse.GetValue(options.Json))
            {
                RouteJson.WriteRoutes(context.Output, router.WithDefaults(query), router.Network.GetPlace(query.Origin), router.Network.GetPlace(query.Destination), result.Value!);
            }
            else
            {
                RouteText.WriteRoutes(context.Output, result.Value!);
            }

            return ExitCodes.Success;
        }));
        return command;
    }

    /// <summary>The corridor option as a typed id; unknown ids are reported by the router's validation.</summary>
    internal static Func<CorridorNetwork, CorridorId?> CorridorFrom(ParseResult parse, Option<string?> option) =>
        _ => parse.GetValue(option) is { } id ? new CorridorId(id) : null;
}
