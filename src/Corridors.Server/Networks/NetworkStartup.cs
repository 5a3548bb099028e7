using System.Diagnostics;
using Corridors.Application.Queries;
using Corridors.Domain.Dataset;
using Corridors.Domain.Dates;
using Corridors.Domain.Geo;
using Corridors.Domain.Network;
using Corridors.Domain.Places;
using Corridors.Domain.Routing;
using Corridors.Server.Hosting;
using Corridors.Server.Logging;
using Corridors.Server.Options;
using Grpc.Health.V1;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Corridors.Server.Networks;

/// <summary>
/// Loads the dataset (network, sanctions measures, emission factors) once, before Kestrel starts accepting calls (hosted services start before the server), builds
/// the routing graph and place resolver, checks the metrics board against it, and turns health to SERVING. A bad
/// network stops start-up: every validator problem is logged and the exception's message is the whole report.
/// </summary>
internal sealed class NetworkStartup(
    IOptions<CorridorsServerOptions> options,
    IHostEnvironment environment,
    BusinessCalendar calendar,
    LoadedNetwork loaded,
    ServingStatus serving,
    IHostApplicationLifetime lifetime,
    ILogger<NetworkStartup> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        CorridorsServerOptions settings = options.Value;
        string directory = RepositoryFolder.Resolve(settings.NetworksDirectory, environment.ContentRootPath);
        Log.LoadingNetwork(logger, directory);
        long started = Stopwatch.GetTimestamp();

        var factory = Wgs84.CreateFactory();
        CorridorDatasetLoadResult result = new CorridorDatasetLoader(factory).Load(directory);
        if (result.Dataset is not { } dataset)
        {
            foreach (string problem in result.Problems)
            {
                Log.NetworkProblem(logger, problem);
            }

            Log.NetworkInvalid(logger, directory, result.Problems.Count);
            throw new NetworkLoadException(
                $"The network in {directory} has {result.Problems.Count} problem(s):{Environment.NewLine}"
                + string.Join(Environment.NewLine, result.Problems.Select(p => "  " + p)));
        }

        CorridorNetwork network = dataset.Network;
        var router = new CorridorRouter(dataset, calendar, factory);
        var queries = new CorridorQueries(router, new PlaceResolver(network), settings.ToQueryLimits(), NetworkFingerprint.Of(directory));
        CheckBoard(queries, settings.EffectiveMetricsBoard);

        loaded.Set(queries);
        long elapsedMs = (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        string version = queries.NetworkVersion;
        Log.NetworkLoaded(logger, version, directory, network.Places.Count, network.Links.Count, network.Corridors.Count, elapsedMs);
        serving.Set(HealthCheckResponse.Types.ServingStatus.Serving);
        lifetime.ApplicationStopping.Register(() => serving.Set(HealthCheckResponse.Types.ServingStatus.NotServing));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Every board pair must resolve: a dashboard's default view must not fail on every poll.</summary>
    private void CheckBoard(CorridorQueries queries, IReadOnlyList<MetricsPairOptions> board)
    {
        var problems = new List<string>();
        for (int i = 0; i < board.Count; i++)
        {
            ContractResult<IReadOnlyList<(Place, Place)>> pair = queries.ResolvePairs(
                [new Contracts.V1.OdPair { Origin = board[i].Origin, Destination = board[i].Destination }]);
            if (!pair.IsSuccess)
            {
                string problem = string.Join("; ", pair.Errors.Select(e => e.Description));
                Log.BoardPairInvalid(logger, i, board[i].Origin, board[i].Destination, problem);
                problems.Add($"  Corridors:MetricsBoard:{i} ({board[i].Origin} → {board[i].Destination}): {problem}");
            }
        }

        if (problems.Count > 0)
        {
            throw new NetworkLoadException("The metrics board does not resolve against the network:" + Environment.NewLine
                                           + string.Join(Environment.NewLine, problems));
        }
    }
}
