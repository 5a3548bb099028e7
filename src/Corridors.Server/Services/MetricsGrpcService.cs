using Corridors.Contracts.V1;
using Place = Corridors.Domain.Network.Place;
using Corridors.Server.Errors;
using Corridors.Server.Logging;
using Corridors.Server.Metrics;
using Corridors.Server.Options;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Corridors.Server.Services;

/// <summary>corridors.v1.MetricsService: cached board metrics and a stream of them.</summary>
public sealed class MetricsGrpcService(
    MetricsBoard board,
    IOptions<CorridorsServerOptions> options,
    TimeProvider clock,
    ILogger<MetricsGrpcService> logger) : MetricsService.MetricsServiceBase
{
    public override Task<GetCorridorMetricsResponse> GetCorridorMetrics(GetCorridorMetricsRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        IReadOnlyList<(Place, Place)> pairs = RpcErrors.Unwrap(board.ResolvePairs(request.Pairs));
        string version = board.CurrentVersion;
        if (request.KnownVersion.Length > 0 && request.KnownVersion == version)
        {
            return Task.FromResult(new GetCorridorMetricsResponse { Version = version, Unchanged = true, AsOf = Contracts.Mapping.ProtoDates.ToText(board.Today) });
        }

        return Task.FromResult(board.Get(pairs, context.CancellationToken));
    }

    /// <summary>
    /// Sends the metrics at once, then waits for the heartbeat interval or the next date change, whichever comes first:
    /// if the version changed it sends the new metrics, otherwise a heartbeat. Ends when the client cancels.
    /// </summary>
    public override async Task WatchCorridorMetrics(
        WatchCorridorMetricsRequest request,
        IServerStreamWriter<WatchCorridorMetricsResponse> responseStream,
        ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(responseStream);
        ArgumentNullException.ThrowIfNull(context);
        IReadOnlyList<(Place, Place)> pairs = RpcErrors.Unwrap(board.ResolvePairs(request.Pairs));
        TimeSpan heartbeat = TimeSpan.FromSeconds(options.Value.MetricsHeartbeatSeconds);
        CancellationToken cancellation = context.CancellationToken;
        Log.WatchStarted(logger, pairs.Count, heartbeat.TotalSeconds);

        int sent = 0;
        try
        {
            GetCorridorMetricsResponse current = board.Get(pairs, cancellation);
            await responseStream.WriteAsync(new WatchCorridorMetricsResponse { Metrics = current }, cancellation).ConfigureAwait(false);
            sent++;
            while (!cancellation.IsCancellationRequested)
            {
                TimeSpan wait = board.UntilNextDate < heartbeat ? board.UntilNextDate : heartbeat;
                await Task.Delay(wait, clock, cancellation).ConfigureAwait(false);
                if (board.CurrentVersion != current.Version)
                {
                    current = board.Get(pairs, cancellation);
                    await responseStream.WriteAsync(new WatchCorridorMetricsResponse { Metrics = current }, cancellation).ConfigureAwait(false);
                }
                else
                {
                    var beat = new Heartbeat { SentAt = Timestamp.FromDateTimeOffset(clock.GetUtcNow()), Version = current.Version };
                    await responseStream.WriteAsync(new WatchCorridorMetricsResponse { Heartbeat = beat }, cancellation).ConfigureAwait(false);
                }

                sent++;
            }
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            // The client went away or its deadline passed: the normal end of a watch.
        }
        finally
        {
            Log.WatchEnded(logger, sent);
        }
    }
}
