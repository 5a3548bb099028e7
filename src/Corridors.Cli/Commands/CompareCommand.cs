using System.CommandLine;
using Corridors.Cli.Output;
using Corridors.Domain.Routing;

namespace Corridors.Cli.Commands;

/// <summary><c>corridors compare --from A --to B [...]</c>: each corridor's best route side by side.</summary>
internal static class CompareCommand
{
    public static Command Create(CliContext context)
    {
        var options = new QueryOptions();
        var command = new Command("compare", "Compare the corridors between two places: distance, transit days P10/P50/P90, borders, gauge breaks.");
        options.AddTo(command);
        command.SetAction(parse => QueryCommandRunner.Run(context, parse, options, _ => null, (router, query) =>
        {
            QueryResult<CorridorComparisonSet> result = router.Compare(query);
            if (!result.IsSuccess)
            {
                return QueryCommandRunner.Fail(context, result);
            }

            if (parse.GetValue(options.Json))
            {
                RouteJson.WriteComparison(context.Output, result.Value!);
            }
            else
            {
                RouteText.WriteComparison(context.Output, result.Value!);
            }

            return ExitCodes.Success;
        }));
        return command;
    }
}
