using System.Threading.Channels;
using Corridors.Contracts.V1;
using Place = Corridors.Domain.Network.Place;
using Corridors.Server.Errors;
using Corridors.Server.Logging;
using Corridors.Server.Metrics;
using Corridors.Server.Options;
using Corridors.Server.Scenarios;
using Google.Protobuf.WellKnownTypes;
using Corridors.Server.Security;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Corridors.Server.Services;

/// <summary>corridors.v1.MetricsService: cached board metrics and a stream of them, for the baseline or a scenario.</summary>
[Authorize(Policy = ApiKeyPolicies.Reader)]
public sealed class MetricsGrpcService(
    MetricsBoard board,
    CorridorsTelemetry telemetry,
    ScenarioRegistry scenarios,
    IOptions<CorridorsServerOptions> options,
    TimeProvider clock,
    ILogger<MetricsGrpcService> logger) : MetricsService.MetricsServiceBase
{
    public override Task<GetCorridorMetricsResponse> GetCorridorMetrics(GetCorridorMetricsRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        RegisteredScenario? scenario = ScenarioErrors.Resolve(scenarios, request.ScenarioId);
        IReadOnlyList<(Place, Place)> pairs = RpcErrors.Unwrap(board.ResolvePairs(request.Pairs));
        string version = board.VersionFor(scenario);
        if (request.KnownVersion.Length > 0 && request.KnownVersion == version)
        {
            return Task.FromResult(new GetCorridorMetricsResponse
            {
                Version = version,
                Unchanged = true,
                AsOf = Application.Mapping.ProtoDates.ToText(board.Today),
                ScenarioId = scenario?.Id ?? string.Empty,
                DataFreshness = board.Freshness,
            });
        }

        return Task.FromResult(board.Get(pairs, scenario, context.CancellationToken));
    }

    /// <summary>
    /// Sends the metrics at once, then waits for the heartbeat interval, the next date change or a change to the
    /// watched scenario, whichever comes first: if the stream's figures changed it sends the new metrics, otherwise a
    /// heartbeat (a scenario change that does not touch the stream's pairs sends nothing). A scenario change reaches only the streams watching that scenario, through each stream's own
    /// one-slot buffer (latest wins), so a stream whose client does not read holds up no other. Ends when the client
    /// cancels, or with NOT_FOUND when the watched scenario is deleted.
    /// </summary>
    public override async Task WatchCorridorMetrics(
        WatchCorridorMetricsRequest request,
        IServerStreamWriter<WatchCorridorMetricsResponse> responseStream,
        ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(responseStream);
        ArgumentNullException.ThrowIfNull(context);
        RegisteredScenario? scenario = ScenarioErrors.Resolve(scenarios, request.ScenarioId);
        IReadOnlyList<(Place, Place)> pairs = RpcErrors.Unwrap(board.ResolvePairs(request.Pairs));
        TimeSpan heartbeat = TimeSpan.FromSeconds(options.Value.MetricsHeartbeatSeconds);
        CancellationToken cancellation = context.CancellationToken;

        // Subscribe first, then read the scenario again: a change between the two is then seen, not lost.
        using ScenarioWatch? watch = scenario is null ? null : scenarios.Watch(scenario.Id);
        if (scenario is not null)
        {
            scenario = scenarios.Find(scenario.Id) ?? throw ScenarioErrors.NotFound(scenario.Id, $"scenario '{scenario.Id}' was deleted");
        }

        ChannelReader<ScenarioSignal>? signals = watch?.Signals;
        Log.WatchStarted(logger, pairs.Count, heartbeat.TotalSeconds);
        telemetry.WatchOpened();
        int sent = 0;
        try
        {
            GetCorridorMetricsResponse current = board.Get(pairs, scenario, cancellation);
            await responseStream.WriteAsync(new WatchCorridorMetricsResponse { Metrics = current }, cancellation).ConfigureAwait(false);
            sent++;
            while (!cancellation.IsCancellationRequested)
            {
                TimeSpan wait = board.UntilNextDate is { } untilNextDate && untilNextDate < heartbeat ? untilNextDate : heartbeat;
                (bool changed, bool open) = await WaitAsync(signals, wait, cancellation).ConfigureAwait(false);
                if (!open)
                {
                    signals = null; // the registry is shutting down: keep heartbeats until the call ends
                }

                if (changed && signals is not null)
                {
                    ScenarioSignal? latest = null;
                    while (signals.TryRead(out ScenarioSignal? signal))
                    {
                        latest = signal;
                    }

                    if (latest is { Current: null })
                    {
                        throw ScenarioErrors.NotFound(latest.Id, $"scenario '{latest.Id}' was deleted");
                    }

                    scenario = latest?.Current ?? scenario;
                }

                bool figuresChanged = false;
                if (board.VersionFor(scenario) != current.Version)
                {
                    // A change that leaves this stream's pairs as they were is not news to its dashboard: only the
                    // version moves on (the next heartbeat carries it).
                    GetCorridorMetricsResponse next = board.Get(pairs, scenario, cancellation);
                    figuresChanged = next.AsOf != current.AsOf || !next.Pairs.Equals(current.Pairs);
                    current = next;
                }

                if (figuresChanged)
                {
                    await responseStream.WriteAsync(new WatchCorridorMetricsResponse { Metrics = current }, cancellation).ConfigureAwait(false);
                    sent++;
                }
                else if (!changed)
                {
                    var beat = new Heartbeat { SentAt = Timestamp.FromDateTimeOffset(clock.GetUtcNow()), Version = current.Version };
                    await responseStream.WriteAsync(new WatchCorridorMetricsResponse { Heartbeat = beat }, cancellation).ConfigureAwait(false);
                    sent++;
                }
            }
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            // The client went away or its deadline passed: the normal end of a watch.
        }
        finally
        {
            telemetry.WatchClosed();
            Log.WatchEnded(logger, sent);
        }
    }

    /// <summary>
    /// Waits up to <paramref name="wait"/> of wall time (the injected <see cref="TimeProvider"/>) for a scenario signal. Returns whether one is ready
    /// and whether the signal channel is still open.
    /// </summary>
    private async Task<(bool Changed, bool Open)> WaitAsync(ChannelReader<ScenarioSignal>? signals, TimeSpan wait, CancellationToken cancellation)
    {
        if (signals is null)
        {
            await Task.Delay(wait, clock, cancellation).ConfigureAwait(false);
            return (false, true);
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        Task delay = Task.Delay(wait, clock, stop.Token);
        Task<bool> ready = signals.WaitToReadAsync(stop.Token).AsTask();
        Task first = await Task.WhenAny(delay, ready).ConfigureAwait(false);
        await stop.CancelAsync().ConfigureAwait(false);
        cancellation.ThrowIfCancellationRequested();
        if (first == ready)
        {
            bool open = await ready.ConfigureAwait(false);
            return (open, open);
        }

        return (false, true);
    }
}
