using System.CommandLine;
using Corridors.Cli.Output;
using Corridors.Application.Mapping;
using Corridors.Application.Queries;
using Corridors.Contracts.V1;
using Corridors.Domain.Network;
using Corridors.Domain.Routing;

namespace Corridors.Cli.Commands;

/// <summary><c>corridors route --from A --to B [--alternatives K] [--corridor ID] [...] [--server URL]</c>: best route and alternatives.</summary>
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
        command.SetAction(parse => parse.GetValue(options.Server) is { } server
            ? Remote(context, parse, options, server, corridor, alternatives, maxOverlap)
            : QueryCommandRunner.Run(context, parse, options, CorridorFrom(parse, corridor), (router, query) =>
        {
            QueryResult<RouteSet> result = router.FindRoutes(query, parse.GetValue(alternatives), parse.GetValue(maxOverlap));
            if (!result.IsSuccess)
            {
                return QueryCommandRunner.Fail(context, result);
            }

            RouteQuery resolved = router.WithDefaults(query);
            FindRoutesResponse response = ResponseWriter.ToResponse(result.Value!, router.Network.GetPlace(query.Origin),
                router.Network.GetPlace(query.Destination), resolved.Constraints.AsOf!.Value, resolved.Objective, router.Freshness);
            if (parse.GetValue(options.Json))
            {
                context.Output.WriteLine(ProtoJson.Format(response, indented: true));
            }
            else
            {
                ProtoText.WriteRoutes(context.Output, response);
            }

            return ExitCodes.Success;
        }));
        return command;
    }

    private static int Remote(CliContext context, ParseResult parse, QueryOptions options, string server,
        Option<string?> corridor, Option<int> alternatives, Option<double> maxOverlap)
    {
        var errors = new List<string>();
        var request = new FindRoutesRequest
        {
            Origin = parse.GetValue(options.From)!,
            Destination = parse.GetValue(options.To)!,
            ScenarioId = options.RemoteScenario(parse),
            Constraints = options.RemoteConstraints(parse, parse.GetValue(corridor), errors),
            Alternatives = parse.GetValue(alternatives),
            MaxOverlap = parse.GetValue(maxOverlap),
        };
        if (options.RemoteObjective(parse, errors) is { } objective)
        {
            request.Objective = objective;
        }

        return RemoteQuery.Fail(context, errors) ?? RemoteQuery.Run(context, server, parse.GetValue(options.Json),
            (invoker, call) => RemoteQuery.Routes(invoker, call, request), ProtoText.WriteRoutes);
    }

    /// <summary>The corridor option as a typed id; unknown ids are reported by the router's validation.</summary>
    internal static Func<CorridorNetwork, CorridorId?> CorridorFrom(ParseResult parse, Option<string?> option) =>
        _ => parse.GetValue(option) is { } id ? new CorridorId(id) : null;
}
