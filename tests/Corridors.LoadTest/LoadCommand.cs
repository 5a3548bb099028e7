using System.Globalization;
using Corridors.Contracts.V1;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;

namespace Corridors.LoadTest;

/// <summary>
/// The plain run: the empty health Check, then CompareCorridors (one request, or <c>--mix N</c> cycled), from the same
/// clients, with the server's comparison cache counters read before and after the measured CompareCorridors phase.
/// Returns 0 when no measured call failed.
/// </summary>
internal static class LoadCommand
{
    public static async Task<int> RunAsync(LoadOptions options)
    {
        ServerProcess? started = null;
        List<GrpcChannel> channels = [];
        try
        {
            Uri server = options.Server;
            Uri metrics = options.MetricsAddress;
            string serverNote = "started by you";
            if (options.StartServer)
            {
                (started, server) = await ServerProcess.StartAsync(options.ServerDll, raiseRateLimits: false, options.NoCache ? [LoadOptions.CacheOffArgument] : []).ConfigureAwait(false);
                metrics = started.HttpAddress ?? metrics;
                serverNote = $"started by the tool, pid {started.Pid}, comparison cache {(options.NoCache ? "off (" + LoadOptions.CacheOffArgument + ")" : "on (its default size)")}";
            }

            IReadOnlyList<CompareCorridorsRequest> requests = CompareMix.Build(options.Origin, options.Destination, options.Mix, options.Seed);
            if (options.ReadMask is { } paths)
            {
                foreach (CompareCorridorsRequest request in requests)
                {
                    request.ReadMask = new Google.Protobuf.WellKnownTypes.FieldMask();
                    request.ReadMask.Paths.Add(paths);
                }
            }
            channels.AddRange(Enumerable.Range(0, options.Clients)
                .Select(_ => options.Replicas.Count > 1 && !options.StartServer
                    ? Contracts.Client.ServerChannel.Open(options.Replicas)
                    : GrpcChannel.ForAddress(server, new GrpcChannelOptions { HttpHandler = new SocketsHttpHandler { EnableMultipleHttp2Connections = true } })));
            var check = new HealthCheckRequest();
            long sent = -1;

            // The measured calls read each response's bytes without decoding them (RawCalls): client and server share this
            // machine's cores, and decoding a 24 KB comparison would charge the client's work to the server's figure.
            Task Health(GrpcChannel channel, CancellationToken token) => RawCalls.Invoke(channel, RawCalls.HealthCheck, check, token);
            Task Compare(GrpcChannel channel, CancellationToken token) =>
                RawCalls.Invoke(channel, RawCalls.CompareCorridors, requests[(int)(Interlocked.Increment(ref sent) % requests.Count)], token);

            // One call each first, so a wrong address or a bad request fails fast with its status.
            CompareCorridorsResponse sample;
            try
            {
                sample = await new ComparisonService.ComparisonServiceClient(channels[0]).CompareCorridorsAsync(requests[0]).ConfigureAwait(false);
                await Health(channels[0], CancellationToken.None).ConfigureAwait(false);
            }
            catch (RpcException exception)
            {
                Console.Error.WriteLine($"The first call to {server} failed, nothing measured: {exception.Status.StatusCode}: {exception.Status.Detail}");
                return 1;
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"server {(options.Replicas.Count > 1 && !options.StartServer ? string.Join(",", options.Replicas) + " round-robin" : server.ToString())} ({serverNote})  metrics {new Uri(metrics, "metrics")}  clients {options.Clients}  {(options.Duration is { } d ? $"{d.TotalSeconds:0.#} s per method" : $"{options.Requests} calls per method")}  " +
                $"{Environment.ProcessorCount} cores, .NET {Environment.Version}"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"compare: {CompareMix.Describe(options.Origin, options.Destination, options.Mix, options.Seed)}{(options.ReadMask is { } mask ? $", read_mask {string.Join(',', mask)}" : string.Empty)}; the first gave {sample.Origin?.Id ?? "(origin masked)"}→{sample.Destination?.Id ?? "(destination masked)"}, {sample.Comparisons.Count} corridors, {sample.CalculateSize()} bytes"));

            if (options.Warmup > TimeSpan.Zero)
            {
                await LoadRunner.RunAsync("warm-up", channels, Health, null, options.Warmup / 2).ConfigureAwait(false);
                await LoadRunner.RunAsync("warm-up", channels, Compare, null, options.Warmup / 2).ConfigureAwait(false);
            }

            // Each round runs its share of the calls or the time, the empty call first; health checks make no cache lookups,
            // so the counters read around all rounds count the measured CompareCorridors calls.
            int? budget = options.Duration is null ? Math.Max(1, options.Requests / options.Rounds) : null;
            TimeSpan? roundTime = options.Duration / options.Rounds;
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
            (CacheCounters? before, string? beforeError) = await ReadCacheAsync(http, metrics).ConfigureAwait(false);
            var emptyRounds = new List<PhaseResult>();
            var compareRounds = new List<PhaseResult>();
            var emptyCpu = new CpuPerCall();
            var compareCpu = new CpuPerCall();
            for (int round = 1; round <= options.Rounds; round++)
            {
                CpuSample start = CpuSample.Take(started?.Pid);
                emptyRounds.Add(await LoadRunner.RunAsync("grpc.health.v1.Health/Check", channels, Health, budget, roundTime).ConfigureAwait(false));
                CpuSample middle = CpuSample.Take(started?.Pid);
                compareRounds.Add(await LoadRunner.RunAsync("corridors.v1.ComparisonService/CompareCorridors", channels, Compare, budget, roundTime).ConfigureAwait(false));
                emptyCpu.Add(start, middle, emptyRounds[^1].Calls);
                compareCpu.Add(middle, CpuSample.Take(started?.Pid), compareRounds[^1].Calls);
                if (options.Rounds > 1)
                {
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"round {round}/{options.Rounds}: empty call {emptyRounds[^1].CallsPerSecond:N0}/s, CompareCorridors {compareRounds[^1].CallsPerSecond:N0}/s = {compareRounds[^1].CallsPerSecond / emptyRounds[^1].CallsPerSecond:P0}"));
                }
            }

            (CacheCounters? after, string? afterError) = await ReadCacheAsync(http, metrics).ConfigureAwait(false);
            PhaseResult empty = PhaseResult.Merge(emptyRounds);
            PhaseResult comparison = PhaseResult.Merge(compareRounds);

            Console.WriteLine($"{"method",-50} {"calls",8} {"failed",7} {"seconds",8} {"calls/s",9} {"p50 ms",8} {"p99 ms",8}");
            foreach (PhaseResult r in new[] { empty, comparison })
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{r.Name,-50} {r.Calls,8} {r.Failures,7} {r.Elapsed.TotalSeconds,8:0.00} {r.CallsPerSecond,9:0} {r.P50Ms,8:0.000} {r.P99Ms,8:0.000}"));
                if (r.FirstError is not null)
                {
                    Console.WriteLine($"  first failure: {r.FirstError}");
                }
            }

            // The targets: at least 50 % of the empty call with the cache, 40 % with every call computed (issue #13).
            double ratio = comparison.CallsPerSecond / empty.CallsPerSecond;
            bool computed = options.NoCache || (before is not null && after is not null && after.Since(before).Lookups == 0);
            double target = computed ? 0.40 : 0.50;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"CompareCorridors throughput = {ratio:P0} of the empty call's{(options.Rounds > 1 ? $" over {options.Rounds} alternating rounds" : string.Empty)} " +
                $"(target ≥ {target:P0} {(computed ? "with every call computed" : "with the cache")}): {(ratio >= target ? "met" : "NOT met")}"));
            Console.WriteLine(CacheLine(before, after, beforeError ?? afterError, comparison.Calls, options.NoCache));
            Console.WriteLine($"CPU per call: empty call {emptyCpu.Describe()}; CompareCorridors {compareCpu.Describe()}");
            if (started is not null)
            {
                foreach (string problem in started.Problems)
                {
                    Console.WriteLine($"server log: {problem}");
                }
            }

            return empty.Failures + comparison.Failures == 0 ? 0 : 1;
        }
        finally
        {
            foreach (GrpcChannel channel in channels)
            {
                channel.Dispose();
            }

            started?.Dispose();
        }
    }

    /// <summary>The server's cache counters once the calls before have settled on its <c>/metrics</c> page.</summary>
    private static async Task<(CacheCounters? Counters, string? Error)> ReadCacheAsync(HttpClient http, Uri metrics)
    {
        await Task.Delay(PrometheusText.SettleTime).ConfigureAwait(false);
        (string? page, string? error) = await PrometheusText.FetchAsync(http, metrics).ConfigureAwait(false);
        return page is null ? (null, error) : (CacheCounters.Parse(page), null);
    }

    private static string CacheLine(CacheCounters? before, CacheCounters? after, string? error, int calls, bool cacheOff)
    {
        if (before is null || after is null)
        {
            return $"comparison cache hit ratio: NOT READ — {error} (give the server's HTTP address with --metrics URL)";
        }

        CacheCounters window = after.Since(before);
        if (window.HitRatio is not { } hitRatio)
        {
            return cacheOff
                ? "comparison cache hit ratio: none — the cache is off (--no-cache): every call is computed, and the server counts no lookups"
                : "comparison cache hit ratio: none — the server counted no lookups over the measured calls: is its cache off (ComparisonCacheEntries=0)? With it off, calls are computed and not counted";
        }

        string others = window.Lookups == calls ? string.Empty
            : string.Create(CultureInfo.InvariantCulture, $" — the server counted {window.Lookups:N0} lookups for this run's {calls:N0} answered calls: other callers, or calls the client gave up on");
        return string.Create(CultureInfo.InvariantCulture,
            $"comparison cache over the measured CompareCorridors calls: {window.Hits:N0} hits, {window.Misses:N0} misses, hit ratio {hitRatio:P1}{others}");
    }
}
