using System.CommandLine;
using Corridors.Cli.Output;
using Corridors.Application.Mapping;
using Corridors.Application.Queries;
using Corridors.Contracts.V1;
using Corridors.Domain.Routing;

namespace Corridors.Cli.Commands;

/// <summary>
/// <c>corridors compare --from A --to B [...] [--scenario ID [--baseline]] [--server URL]</c>: each corridor's best
/// route side by side; with <c>--baseline</c> the scenario's answers beside the baseline's, with the deltas.
/// </summary>
internal static class CompareCommand
{
    public static Command Create(CliContext context)
    {
        var options = new QueryOptions();
        var baseline = new Option<bool>("--baseline")
        {
            Description = "With --scenario: also answer under the baseline and print both with the differences (scenario − baseline).",
        };
        var command = new Command("compare", "Compare the corridors between two places: distance, transit days P10/P50/P90, borders, gauge breaks.") { baseline };
        options.AddTo(command);
        command.SetAction(parse =>
        {
            bool sideBySide = parse.GetValue(baseline);
            if (sideBySide && parse.GetValue(options.Scenario) is null)
            {
                context.Error.WriteLine("corridors: --baseline: compares a scenario with the baseline; name it with --scenario");
                return ExitCodes.UsageError;
            }

            if (parse.GetValue(options.Server) is { } server)
            {
                var errors = new List<string>();
                var request = new CompareCorridorsRequest
                {
                    Origin = parse.GetValue(options.From)!,
                    Destination = parse.GetValue(options.To)!,
                    Constraints = options.RemoteConstraints(parse, null, errors),
                    ScenarioId = options.RemoteScenario(parse),
                    IncludeBaseline = sideBySide,
                };
                if (options.RemoteObjective(parse, errors) is { } objective)
                {
                    request.Objective = objective;
                }

                return RemoteQuery.Fail(context, errors) ?? RemoteQuery.Run(context, server, parse.GetValue(options.Json),
                    (invoker, call) => RemoteQuery.Compare(invoker, call, request),
                    sideBySide ? ProtoText.WriteScenarioComparison : ProtoText.WriteComparison);
            }

            return QueryCommandRunner.Run(context, parse, options, _ => null, (router, query) =>
            {
                CompareCorridorsResponse response;
                if (sideBySide)
                {
                    QueryResult<ScenarioComparisonSet> both = router.CompareWithBaseline(query);
                    if (!both.IsSuccess)
                    {
                        return QueryCommandRunner.Fail(context, both);
                    }

                    response = ResponseWriter.ToResponse(both.Value!, query.Scenario!, router.Freshness);
                    if (!parse.GetValue(options.Json))
                    {
                        ProtoText.WriteScenarioComparison(context.Output, response);
                        return ExitCodes.Success;
                    }
                }
                else
                {
                    QueryResult<CorridorComparisonSet> result = router.Compare(query);
                    if (!result.IsSuccess)
                    {
                        return QueryCommandRunner.Fail(context, result);
                    }

                    response = ResponseWriter.ToResponse(result.Value!, query.Scenario, router.Freshness);
                    if (!parse.GetValue(options.Json))
                    {
                        ProtoText.WriteComparison(context.Output, response);
                        return ExitCodes.Success;
                    }
                }

                context.Output.WriteLine(ProtoJson.Format(response, indented: true));
                return ExitCodes.Success;
            });
        });
        return command;
    }
}
