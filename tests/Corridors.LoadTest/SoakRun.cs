using System.Diagnostics;
using Corridors.Contracts.V1;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;

namespace Corridors.LoadTest;

/// <summary>
/// One soak against one server: sets up the watched scenarios, opens the Watch streams, runs the clients for the
/// duration while sampling the server's VmRSS every second, then closes everything and hands the figures to
/// <see cref="SoakReport"/>. Each client owns its channel (one HTTP/2 connection), its <see cref="Random"/> and its
/// <see cref="SoakRecorder"/>; the only state shared while the load runs is when each watched scenario was last
/// updated (for the push latency) and a few counters.
/// </summary>
internal sealed class SoakRun
{
    /// <summary>Share of each client's calls, in percent: the rest (100 − reads) are scenario writes.</summary>
    public const int ComparePercent = 50;
    public const int RoutesPercent = 12;
    public const int ParetoPercent = 12;
    public const int MatrixPercent = 10;
    public const int WritePercent = 100 - ComparePercent - RoutesPercent - ParetoPercent - MatrixPercent;

    /// <summary>Every 4th churn cycle sends one update with a version one behind, expecting ABORTED.</summary>
    private const int StaleEveryCycles = 4;

    /// <summary>Watch streams per channel: Kestrel allows 100 concurrent streams per HTTP/2 connection by default.</summary>
    private const int WatchersPerChannel = 25;

    private static readonly TimeSpan CallDeadline = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan SetupTimeout = TimeSpan.FromSeconds(60);

    private readonly SoakOptions _options;
    private readonly Uri _address;
    private readonly int? _serverPid;
    private readonly Uri? _metricsAddress;
    private GcFigures? _gcAfterWarmup;
    private readonly List<(double Seconds, long Bytes)> _heapTimeline = [];
    private readonly Metadata _writerKey;
    private readonly bool _limiterRefusalsExpected;
    private readonly long[] _lastUpdateSent;
    private readonly int[] _updates;
    private readonly int[] _pushesPerWatcher;
    private readonly int[] _watcherScenario;
    private int _heartbeats;
    private int _openAtEnd;
    private SoakWorkload? _workload;

    public SoakRun(SoakOptions options, Uri address, int? serverPid, Uri? metricsAddress, string writerKey, bool limiterRefusalsExpected)
    {
        _metricsAddress = metricsAddress;
        _options = options;
        _address = address;
        _serverPid = serverPid;
        _writerKey = new Metadata { { "x-api-key", writerKey } };
        _limiterRefusalsExpected = limiterRefusalsExpected;
        _lastUpdateSent = new long[options.WatchedScenarios];
        _updates = new int[options.WatchedScenarios];
        _pushesPerWatcher = new int[options.Watchers];

        // Watcher i: (i mod (scenarios + 1)) − 1, so -1 (the baseline) for one in scenarios + 1, else a watched scenario.
        _watcherScenario = [.. Enumerable.Range(0, options.Watchers).Select(i => (i % (options.WatchedScenarios + 1)) - 1)];
    }

    public static string WatchedId(int index) => $"soak-w{index}";

    private static string ChurnId(int client) => $"soak-c{client}";

    public async Task<SoakResult> RunAsync()
    {
        var handler = () => new SocketsHttpHandler { EnableMultipleHttp2Connections = true };
        List<GrpcChannel> clientChannels = [.. Enumerable.Range(0, _options.Clients).Select(_ => GrpcChannel.ForAddress(_address, new GrpcChannelOptions { HttpHandler = handler() }))];
        List<GrpcChannel> watchChannels = [.. Enumerable.Range(0, (_options.Watchers + WatchersPerChannel - 1) / WatchersPerChannel)
            .Select(_ => GrpcChannel.ForAddress(_address, new GrpcChannelOptions { HttpHandler = handler() }))];
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        try
        {
            GrpcChannel setup = clientChannels[0];
            await WaitUntilServingAsync(setup).ConfigureAwait(false);
            ListPlacesResponse places = await new CatalogService.CatalogServiceClient(setup).ListPlacesAsync(new ListPlacesRequest(), Options(false)).ConfigureAwait(false);
            _workload = new SoakWorkload(places.Places, [.. Enumerable.Range(0, _options.WatchedScenarios).Select(WatchedId)]);
            long[] versions = await PrepareScenariosAsync(new ScenarioService.ScenarioServiceClient(setup)).ConfigureAwait(false);

            // The streams first, each until its first metrics message, so the whole load runs under them.
            using var closeWatchers = new CancellationTokenSource();
            var watcherRecorders = Enumerable.Range(0, _options.Watchers).Select(_ => new SoakRecorder()).ToList();
            var opened = Enumerable.Range(0, _options.Watchers).Select(_ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).ToList();
            Task[] watchers = [.. Enumerable.Range(0, _options.Watchers).Select(i =>
                Task.Run(() => WatchAsync(i, watchChannels[i / WatchersPerChannel], watcherRecorders[i], opened[i], closeWatchers.Token)))];
            Task allOpened = Task.WhenAll(opened.Select(o => o.Task));
            if (await Task.WhenAny(allOpened, Task.Delay(SetupTimeout)).ConfigureAwait(false) != allOpened)
            {
                throw new InvalidOperationException($"The Watch streams did not all send their first metrics within {SetupTimeout.TotalSeconds:0} s.");
            }

            // The load.
            var clientRecorders = Enumerable.Range(0, _options.Clients).Select(_ => new SoakRecorder()).ToList();
            var compareKeys = Enumerable.Range(0, _options.Clients).Select(_ => new List<string>()).ToList();
            var rss = new List<(double Seconds, long Kib)>();
            using var stop = new CancellationTokenSource();
            using var stopSampling = new CancellationTokenSource();
            CpuSample cpuStart = CpuSample.Take(_serverPid);
            long started = Stopwatch.GetTimestamp();
            Task sampler = SampleResidentAsync(http, rss, started, stopSampling.Token);
            stop.CancelAfter(_options.Duration);
            Task[] clients = [.. Enumerable.Range(0, _options.Clients).Select(i =>
                Task.Run(() => ClientAsync(i, clientChannels[i], versions, clientRecorders[i], compareKeys[i], stop.Token)))];
            await Task.WhenAll(clients).ConfigureAwait(false);
            TimeSpan elapsed = Stopwatch.GetElapsedTime(started);
            CpuSample cpuEnd = CpuSample.Take(_serverPid);
            if (_serverPid is { } pid && ServerProcess.ResidentKib(pid) is { } endKib)
            {
                lock (rss)
                {
                    rss.Add((elapsed.TotalSeconds, endKib));
                }
            }

            await stopSampling.CancelAsync().ConfigureAwait(false);
            await sampler.ConfigureAwait(false);
            GcFigures? gcAtEnd = _metricsAddress is null ? null : await GcFigures.ScrapeAsync(http, _metricsAddress).ConfigureAwait(false);

            await closeWatchers.CancelAsync().ConfigureAwait(false);
            await Task.WhenAll(watchers).ConfigureAwait(false);

            await CleanUpAsync(new ScenarioService.ScenarioServiceClient(setup)).ConfigureAwait(false);

            int compares = compareKeys.Sum(k => k.Count);
            int distinctCompares = compareKeys.SelectMany(k => k).Distinct(StringComparer.Ordinal).Count();
            return new SoakResult(
                new SoakTally(clientRecorders.Concat(watcherRecorders), elapsed),
                [.. rss],
                cpuEnd.CoresSince(cpuStart),
                _workload,
                _updates.Sum(),
                _heartbeats,
                _openAtEnd,
                _watcherScenario.Count(s => s < 0),
                _pushesPerWatcher.Where((_, i) => _watcherScenario[i] >= 0 && _updates[_watcherScenario[i]] > 0).Count(p => p == 0),
                distinctCompares,
                compares,
                _gcAfterWarmup,
                gcAtEnd,
                [.. _heapTimeline]);
        }
        finally
        {
            foreach (GrpcChannel channel in clientChannels.Concat(watchChannels))
            {
                channel.Dispose();
            }

        }
    }

    private CallOptions Options(bool writer, CancellationToken cancellation = default) =>
        new(headers: writer ? _writerKey : null, deadline: DateTime.UtcNow.Add(CallDeadline), cancellationToken: cancellation);

    private static async Task WaitUntilServingAsync(GrpcChannel channel)
    {
        var health = new Health.HealthClient(channel);
        long started = Stopwatch.GetTimestamp();
        while (true)
        {
            try
            {
                HealthCheckResponse answer = await health.CheckAsync(new HealthCheckRequest(), deadline: DateTime.UtcNow.AddSeconds(5)).ConfigureAwait(false);
                if (answer.Status == HealthCheckResponse.Types.ServingStatus.Serving)
                {
                    return;
                }
            }
            catch (RpcException) when (Stopwatch.GetElapsedTime(started) < SetupTimeout)
            {
                // Not up yet.
            }

            if (Stopwatch.GetElapsedTime(started) >= SetupTimeout)
            {
                throw new InvalidOperationException($"The server at {channel.Target} was not SERVING within {SetupTimeout.TotalSeconds:0} s.");
            }

            await Task.Delay(200).ConfigureAwait(false);
        }
    }

    /// <summary>Deletes what an earlier soak left on the server, then creates the watched scenarios at version 1.</summary>
    private async Task<long[]> PrepareScenariosAsync(ScenarioService.ScenarioServiceClient scenarios)
    {
        await CleanUpAsync(scenarios).ConfigureAwait(false);
        var versions = new long[_options.WatchedScenarios];
        for (int k = 0; k < versions.Length; k++)
        {
            Scenario created = await scenarios.CreateScenarioAsync(
                new CreateScenarioRequest { Id = WatchedId(k), Definition = SoakWorkload.Definition(WatchedId(k), 0) }, Options(true)).ConfigureAwait(false);
            versions[k] = created.Version;
        }

        return versions;
    }

    private async Task CleanUpAsync(ScenarioService.ScenarioServiceClient scenarios)
    {
        ListScenariosResponse list = await scenarios.ListScenariosAsync(new ListScenariosRequest(), Options(false)).ConfigureAwait(false);
        foreach (Scenario left in list.Scenarios.Where(s => !s.ReadOnly && s.Id.StartsWith("soak-", StringComparison.Ordinal)))
        {
            await scenarios.DeleteScenarioAsync(new DeleteScenarioRequest { Id = left.Id, ExpectedVersion = left.Version }, Options(true)).ConfigureAwait(false);
        }
    }

    private async Task SampleResidentAsync(HttpClient http, List<(double Seconds, long Kib)> samples, long started, CancellationToken stop)
    {
        if (_serverPid is not { } pid)
        {
            return;
        }

        using var tick = new PeriodicTimer(TimeSpan.FromSeconds(1));
        try
        {
            while (await tick.WaitForNextTickAsync(stop).ConfigureAwait(false))
            {
                TimeSpan at = Stopwatch.GetElapsedTime(started);
                if (ServerProcess.ResidentKib(pid) is { } kib)
                {
                    lock (samples)
                    {
                        samples.Add((at.TotalSeconds, kib));
                    }
                }

                if (_metricsAddress is not null && ((_gcAfterWarmup is null && at >= _options.Warmup) || samples.Count % 5 == 0))
                {
                    GcFigures? gc = await GcFigures.ScrapeAsync(http, _metricsAddress).ConfigureAwait(false);
                    if (gc is not null)
                    {
                        _heapTimeline.Add((at.TotalSeconds, gc.HeapBytes));
                    }

                    if (_gcAfterWarmup is null && at >= _options.Warmup)
                    {
                        _gcAfterWarmup = gc;
                    }
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The load is over.
        }
    }

    private async Task ClientAsync(int index, GrpcChannel channel, long[] versions, SoakRecorder recorder, List<string> compareKeys, CancellationToken stop)
    {
        SoakWorkload workload = _workload!;
        var random = new Random((_options.Seed * 7919) + index);
        var scenarios = new ScenarioService.ScenarioServiceClient(channel);
        var churn = new ChurnState(ChurnId(index));
        while (!stop.IsCancellationRequested)
        {
            int roll = random.Next(100);
            if (roll < ComparePercent)
            {
                CompareCorridorsRequest request = workload.Compare(random);
                compareKeys.Add(request.ToByteString().ToBase64());
                await CallAsync(recorder, SoakMethod.CompareCorridors, o => RawCalls.Invoke(channel, RawCalls.CompareCorridors, request, o)).ConfigureAwait(false);
            }
            else if ((roll -= ComparePercent) < RoutesPercent)
            {
                FindRoutesRequest request = workload.Routes(random);
                await CallAsync(recorder, SoakMethod.FindRoutes, o => RawCalls.Invoke(channel, RawCalls.FindRoutes, request, o)).ConfigureAwait(false);
            }
            else if ((roll -= RoutesPercent) < ParetoPercent)
            {
                FindParetoRoutesRequest request = workload.Pareto(random);
                await CallAsync(recorder, SoakMethod.FindParetoRoutes, o => RawCalls.Invoke(channel, RawCalls.FindParetoRoutes, request, o)).ConfigureAwait(false);
            }
            else if ((roll -= ParetoPercent) < MatrixPercent)
            {
                ComputeMatrixRequest request = workload.Matrix(random);
                await CallAsync(recorder, SoakMethod.ComputeMatrix, o => RawCalls.Invoke(channel, RawCalls.ComputeMatrix, request, o)).ConfigureAwait(false);
            }
            else if (index < versions.Length)
            {
                await UpdateWatchedAsync(index, scenarios, versions, recorder).ConfigureAwait(false);
            }
            else
            {
                await ChurnStepAsync(churn, scenarios, recorder).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Client k owns watched scenario k alone, so its version is always known: every update should succeed and wake the scenario's streams.</summary>
    private async Task UpdateWatchedAsync(int k, ScenarioService.ScenarioServiceClient scenarios, long[] versions, SoakRecorder recorder)
    {
        string id = WatchedId(k);
        var request = new UpdateScenarioRequest { Id = id, ExpectedVersion = versions[k], Definition = SoakWorkload.Definition(id, (int)versions[k]) };
        Volatile.Write(ref _lastUpdateSent[k], Stopwatch.GetTimestamp());
        Scenario? updated = await CallAsync(recorder, SoakMethod.UpdateScenario, o => scenarios.UpdateScenarioAsync(request, o).ResponseAsync, writer: true).ConfigureAwait(false);
        if (updated is not null)
        {
            versions[k] = updated.Version;
            Interlocked.Increment(ref _updates[k]);
        }
        else if (await ResyncAsync(id, scenarios, recorder).ConfigureAwait(false) is { } version)
        {
            versions[k] = version;
        }
    }

    /// <summary>One step of a client's own scenario's life: create, update, update, (every 4th time a stale update), delete.</summary>
    private async Task ChurnStepAsync(ChurnState churn, ScenarioService.ScenarioServiceClient scenarios, SoakRecorder recorder)
    {
        string id = churn.Id;
        if (churn.Version is not { } version)
        {
            var create = new CreateScenarioRequest { Id = id, Definition = SoakWorkload.Definition(id, churn.Cycle) };
            Scenario? created = await CallAsync(recorder, SoakMethod.CreateScenario, o => scenarios.CreateScenarioAsync(create, o).ResponseAsync, writer: true).ConfigureAwait(false);
            churn.Version = created?.Version ?? await ResyncAsync(id, scenarios, recorder).ConfigureAwait(false);
            churn.Updates = 0;
            churn.StaleSent = false;
            return;
        }

        if (churn.Updates < 2)
        {
            var update = new UpdateScenarioRequest { Id = id, ExpectedVersion = version, Definition = SoakWorkload.Definition(id, (int)version + churn.Cycle) };
            Scenario? updated = await CallAsync(recorder, SoakMethod.UpdateScenario, o => scenarios.UpdateScenarioAsync(update, o).ResponseAsync, writer: true).ConfigureAwait(false);
            churn.Version = updated?.Version ?? await ResyncAsync(id, scenarios, recorder).ConfigureAwait(false);
            churn.Updates++;
            return;
        }

        if (churn.Cycle % StaleEveryCycles == StaleEveryCycles - 1 && !churn.StaleSent)
        {
            var stale = new UpdateScenarioRequest { Id = id, ExpectedVersion = version - 1, Definition = SoakWorkload.Definition(id, 1000 + churn.Cycle) };
            Scenario? accepted = await CallAsync(recorder, SoakMethod.UpdateScenarioStale, o => scenarios.UpdateScenarioAsync(stale, o).ResponseAsync, writer: true,
                expected: e => e.StatusCode == StatusCode.Aborted ? "a version one behind, sent on purpose" : null).ConfigureAwait(false);
            churn.StaleSent = true;
            if (accepted is not null)
            {
                churn.Version = accepted.Version; // a bug on the server: counted as unexpected by the tally
            }

            return;
        }

        var delete = new DeleteScenarioRequest { Id = id, ExpectedVersion = version };
        DeleteScenarioResponse? deleted = await CallAsync(recorder, SoakMethod.DeleteScenario, o => scenarios.DeleteScenarioAsync(delete, o).ResponseAsync, writer: true).ConfigureAwait(false);
        churn.Version = deleted is not null ? null : await ResyncAsync(id, scenarios, recorder).ConfigureAwait(false);
        churn.Cycle++;
    }

    /// <summary>After a write failed unexpectedly: the scenario's version now, or null when it does not exist.</summary>
    private async Task<long?> ResyncAsync(string id, ScenarioService.ScenarioServiceClient scenarios, SoakRecorder recorder)
    {
        Scenario? current = await CallAsync(recorder, SoakMethod.GetScenario, o => scenarios.GetScenarioAsync(new GetScenarioRequest { Id = id }, o).ResponseAsync,
            expected: e => e.StatusCode == StatusCode.NotFound ? "read back after a failed write: the scenario is gone" : null).ConfigureAwait(false);
        return current?.Version;
    }

    /// <summary>
    /// Times one unary call and counts its outcome. Expected refusals: what <paramref name="expected"/> says, and the
    /// rate limiter's RESOURCE_EXHAUSTED when the limits were not raised. Latency is kept for successes and for the
    /// stale update's expected ABORTED.
    /// </summary>
    private async Task<T?> CallAsync<T>(SoakRecorder recorder, SoakMethod method, Func<CallOptions, Task<T>> call, bool writer = false, Func<RpcException, string?>? expected = null)
        where T : class
    {
        long started = Stopwatch.GetTimestamp();
        try
        {
            T result = await call(Options(writer)).ConfigureAwait(false);
            recorder.Ok(method, Stopwatch.GetTimestamp() - started);
            return result;
        }
        catch (RpcException error)
        {
            long ticks = Stopwatch.GetTimestamp() - started;
            string? because = expected?.Invoke(error) ?? LimiterRefusal(error);
            if (because is not null && method == SoakMethod.UpdateScenarioStale)
            {
                recorder.Latency(method, ticks);
            }

            recorder.Count(new CallOutcome(method, error.StatusCode, because), error.Status.Detail);
            return null;
        }
    }

    private string? LimiterRefusal(RpcException error) =>
        _limiterRefusalsExpected && error.StatusCode == StatusCode.ResourceExhausted && error.Status.Detail.StartsWith("Rate limit", StringComparison.Ordinal)
            ? "the server's rate limit (Corridors:RateLimits)"
            : null;

    /// <summary>
    /// One stream, reopened if the server ends it while the soak runs (counted as unexpected). Its first metrics
    /// message times the open; each later one is a push, timed from the last update sent to its scenario.
    /// </summary>
    private async Task WatchAsync(int index, GrpcChannel channel, SoakRecorder recorder, TaskCompletionSource opened, CancellationToken close)
    {
        var metrics = new MetricsService.MetricsServiceClient(channel);
        int scenario = _watcherScenario[index];
        string scenarioId = scenario < 0 ? string.Empty : WatchedId(scenario);
        try
        {
            while (!close.IsCancellationRequested)
            {
                long started = Stopwatch.GetTimestamp();
                bool first = true;
                try
                {
                    using AsyncServerStreamingCall<WatchCorridorMetricsResponse> call =
                        metrics.WatchCorridorMetrics(new WatchCorridorMetricsRequest { ScenarioId = scenarioId }, cancellationToken: close);
                    await foreach (WatchCorridorMetricsResponse message in call.ResponseStream.ReadAllAsync(close).ConfigureAwait(false))
                    {
                        long now = Stopwatch.GetTimestamp();
                        if (message.EventCase == WatchCorridorMetricsResponse.EventOneofCase.Heartbeat)
                        {
                            Interlocked.Increment(ref _heartbeats);
                        }
                        else if (message.Metrics.ScenarioId != scenarioId)
                        {
                            recorder.Count(new CallOutcome(SoakMethod.WatchPush, StatusCode.Internal, null),
                                $"stream on '{scenarioId}' got metrics of '{message.Metrics.ScenarioId}'");
                        }
                        else if (first)
                        {
                            recorder.Latency(SoakMethod.WatchCorridorMetrics, now - started);
                            first = false;
                            opened.TrySetResult();
                        }
                        else
                        {
                            long sent = scenario < 0 ? 0 : Volatile.Read(ref _lastUpdateSent[scenario]);
                            recorder.Ok(SoakMethod.WatchPush, sent > 0 ? now - sent : 0);
                            Interlocked.Increment(ref _pushesPerWatcher[index]);
                        }
                    }

                    recorder.Count(new CallOutcome(SoakMethod.WatchCorridorMetrics, StatusCode.OK, null), "the server ended the stream while the soak ran");
                }
                catch (RpcException error) when (close.IsCancellationRequested && error.StatusCode == StatusCode.Cancelled)
                {
                    recorder.Count(new CallOutcome(SoakMethod.WatchCorridorMetrics, StatusCode.Cancelled, "closed by the soak at the end"), null);
                    Interlocked.Increment(ref _openAtEnd);
                }
                catch (OperationCanceledException) when (close.IsCancellationRequested)
                {
                    recorder.Count(new CallOutcome(SoakMethod.WatchCorridorMetrics, StatusCode.Cancelled, "closed by the soak at the end"), null);
                    Interlocked.Increment(ref _openAtEnd);
                }
                catch (RpcException error)
                {
                    recorder.Count(new CallOutcome(SoakMethod.WatchCorridorMetrics, error.StatusCode, null), error.Status.Detail);
                    await Task.Delay(100, CancellationToken.None).ConfigureAwait(false);
                }
            }
        }
        finally
        {
            opened.TrySetResult();
        }
    }

    /// <summary>A churn client's own scenario: its version (null while it does not exist) and where it is in its cycle.</summary>
    private sealed class ChurnState(string id)
    {
        public string Id { get; } = id;

        public long? Version { get; set; }

        public int Cycle { get; set; }

        public int Updates { get; set; }

        public bool StaleSent { get; set; }
    }
}

/// <summary>What one soak measured.</summary>
internal sealed record SoakResult(
    SoakTally Tally,
    IReadOnlyList<(double Seconds, long Kib)> Resident,
    (double? Machine, double? Server, double Tool, double? Others) Cores,
    SoakWorkload Workload,
    int ScenarioUpdates,
    int Heartbeats,
    int StreamsOpenAtEnd,
    int BaselineStreams,
    int SilentStreams,
    int DistinctCompares,
    int Compares,
    GcFigures? GcAfterWarmup,
    GcFigures? GcAtEnd,
    IReadOnlyList<(double Seconds, long Bytes)> HeapTimeline);
