using System.CommandLine;
using Corridors.Cli.Output;
using Corridors.Contracts.Mapping;
using Corridors.Contracts.V1;
using Corridors.Domain.Routing;

namespace Corridors.Cli.Commands;

/// <summary><c>corridors compare --from A --to B [...] [--server URL]</c>: each corridor's best route side by side.</summary>
internal static class CompareCommand
{
    public static Command Create(CliContext context)
    {
        var options = new QueryOptions();
        var command = new Command("compare", "Compare the corridors between two places: distance, transit days P10/P50/P90, borders, gauge breaks.");
        options.AddTo(command);
        command.SetAction(parse =>
        {
            if (parse.GetValue(options.Server) is { } server)
            {
                var errors = new List<string>();
                var request = new CompareCorridorsRequest
                {
                    Origin = parse.GetValue(options.From)!,
                    Destination = parse.GetValue(options.To)!,
                    Constraints = options.RemoteConstraints(parse, null, errors),
                };
                if (options.RemoteObjective(parse, errors) is { } objective)
                {
                    request.Objective = objective;
                }

                return RemoteQuery.Fail(context, errors) ?? RemoteQuery.Run(context, server, parse.GetValue(options.Json),
                    (invoker, call) => RemoteQuery.Compare(invoker, call, request), ProtoText.WriteComparison);
            }

            return QueryCommandRunner.Run(context, parse, options, _ => null, (router, query) =>
            {
                QueryResult<CorridorComparisonSet> result = router.Compare(query);
                if (!result.IsSuccess)
                {
                    return QueryCommandRunner.Fail(context, result);
                }

                if (parse.GetValue(options.Json))
                {
                    context.Output.WriteLine(ProtoJson.Format(ResponseWriter.ToResponse(result.Value!), indented: true));
                }
                else
                {
                    RouteText.WriteComparison(context.Output, result.Value!);
                }

                return ExitCodes.Success;
            });
        });
        return command;
    }
}
