using System.CommandLine;
using Corridors.Cli.Output;
using Corridors.Application.Mapping;
using Corridors.Application.Queries;
using Corridors.Contracts.V1;
using Corridors.Domain.Routing;

namespace Corridors.Cli.Commands;

/// <summary><c>corridors pareto --from A --to B [--corridor ID] [...] [--server URL]</c>: routes no other route beats on both time and distance.</summary>
internal static class ParetoCommand
{
    public static Command Create(CliContext context)
    {
        var options = new QueryOptions();
        var corridor = new Option<string?>("--corridor") { Description = "Restrict to one corridor (plus the access networks)." };
        var command = new Command("pareto", "Pareto front over transit time (P50) and distance.") { corridor };
        options.AddTo(command);
        command.SetAction(parse => parse.GetValue(options.Server) is { } server
            ? Remote(context, parse, options, server, corridor)
            : QueryCommandRunner.Run(context, parse, options, RouteCommand.CorridorFrom(parse, corridor), (router, query) =>
        {
            QueryResult<ParetoFront> result = router.FindPareto(query);
            if (!result.IsSuccess)
            {
                return QueryCommandRunner.Fail(context, result);
            }

            FindParetoRoutesResponse response = ResponseWriter.ToResponse(result.Value!, router.Network.GetPlace(query.Origin),
                router.Network.GetPlace(query.Destination), router.WithDefaults(query).Constraints.AsOf!.Value, router.Freshness);
            if (parse.GetValue(options.Json))
            {
                context.Output.WriteLine(ProtoJson.Format(response, indented: true));
            }
            else
            {
                ProtoText.WritePareto(context.Output, response);
            }

            return ExitCodes.Success;
        }));
        return command;
    }

    private static int Remote(CliContext context, ParseResult parse, QueryOptions options, string server, Option<string?> corridor)
    {
        var errors = new List<string>();
        var request = new FindParetoRoutesRequest
        {
            Origin = parse.GetValue(options.From)!,
            Destination = parse.GetValue(options.To)!,
            ScenarioId = options.RemoteScenario(parse),
            Constraints = options.RemoteConstraints(parse, parse.GetValue(corridor), errors),
        };
        return RemoteQuery.Fail(context, errors) ?? RemoteQuery.Run(context, server, parse.GetValue(options.Json),
            (invoker, call) => RemoteQuery.Pareto(invoker, call, request), ProtoText.WritePareto);
    }
}
