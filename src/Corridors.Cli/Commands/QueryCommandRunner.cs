using System.CommandLine;
using Corridors.Domain.Dataset;
using Corridors.Domain.Network;
using Corridors.Domain.Routing;

namespace Corridors.Cli.Commands;

/// <summary>
/// The shared frame of the query commands: load the network, parse the query, build the in-process router, run
/// the command's body. Bad input ends with exit code 2 and the reason on stderr.
/// </summary>
internal static class QueryCommandRunner
{
    public static int Run(
        CliContext context,
        ParseResult parse,
        QueryOptions options,
        Func<CorridorNetwork, CorridorId?> corridorOf,
        Func<CorridorRouter, RouteQuery, int> body)
    {
        CorridorDataset? dataset = new NetworkLocator(context).LoadDatasetOrReport(parse.GetValue(options.Directory));
        if (dataset is null)
        {
            return ExitCodes.InvalidNetwork;
        }

        var router = new CorridorRouter(dataset, context.Calendar, context.GeometryFactory);
        RouteQuery? query = options.Parse(parse, router, context, corridorOf(dataset.Network));
        if (query is null)
        {
            return ExitCodes.UsageError;
        }

        return body(router, query);
    }

    /// <summary>Prints the errors of a failed domain query and returns the usage exit code.</summary>
    public static int Fail<T>(CliContext context, QueryResult<T> result)
        where T : class
    {
        QueryOptions.Report(context, result.Errors);
        return ExitCodes.UsageError;
    }
}
