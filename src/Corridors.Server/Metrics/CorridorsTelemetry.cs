using System.Diagnostics;
using System.Diagnostics.Metrics;
using Corridors.Server.Scenarios;

namespace Corridors.Server.Metrics;

/// <summary>
/// The server's own traces and metrics (OpenTelemetry through <see cref="ActivitySource"/> and <see cref="Meter"/>,
/// both named <see cref="Name"/>): latency per RPC, comparison cache lookups, scenario writes, Watch subscribers.
/// Prometheus names: <c>corridors_rpc_duration_seconds</c>, <c>corridors_comparison_cache_lookups_total</c>,
/// <c>corridors_scenario_writes_total</c>, <c>corridors_watch_subscribers</c>.
/// </summary>
public sealed class CorridorsTelemetry : IDisposable
{
    public const string Name = "Corridors.Server";

    private readonly Meter _meter;
    private readonly Histogram<double> _rpcDuration;
    private readonly Counter<long> _cacheLookups;
    private readonly Counter<long> _scenarioWrites;
    private readonly UpDownCounter<long> _watchSubscribers;

    public CorridorsTelemetry(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        _meter = meters.Create(Name);
        _rpcDuration = _meter.CreateHistogram<double>("corridors.rpc.duration", "s", "Time to answer a corridors.v1 call, by method and gRPC status.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] });
        _cacheLookups = _meter.CreateCounter<long>("corridors.comparison_cache.lookups", description: "CompareCorridors cache lookups, by result (hit or miss).");
        _scenarioWrites = _meter.CreateCounter<long>("corridors.scenario.writes", description: "Scenario create, update and delete calls, by operation and outcome.");
        _watchSubscribers = _meter.CreateUpDownCounter<long>("corridors.watch.subscribers", description: "WatchCorridorMetrics streams open now.");
    }

    /// <summary>Spans of the server's own work (the scenario store's SQLite reads and writes), beside ASP.NET Core's request spans.</summary>
    public static ActivitySource Traces { get; } = new(Name);

    /// <summary>The meter, for gauges others add (the metrics board).</summary>
    public Meter Meter => _meter;

    public void RpcAnswered(string method, Grpc.Core.StatusCode status, TimeSpan elapsed) =>
        _rpcDuration.Record(elapsed.TotalSeconds, new("rpc.method", method), new("rpc.grpc.status_code", status.ToString()));

    public void CacheLookup(bool hit) => _cacheLookups.Add(1, new KeyValuePair<string, object?>("result", hit ? "hit" : "miss"));

    public void ScenarioWrite(string operation, ScenarioMutation outcome) =>
        _scenarioWrites.Add(1, new("operation", operation), new("outcome", outcome.GetType().Name.ToLowerInvariant()));

    public void WatchOpened() => _watchSubscribers.Add(1);

    public void WatchClosed() => _watchSubscribers.Add(-1);

    public void Dispose() => _meter.Dispose();
}
