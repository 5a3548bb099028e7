using System.Diagnostics;
using System.Globalization;
using Corridors.Contracts.V1;
using Grpc.Core;
using Grpc.Net.Client;

namespace Corridors.ReplicaMeasure;

/// <summary>
/// Cross-replica Watch delivery: a WatchCorridorMetrics stream on replica B for one scenario, and N updates of that
/// scenario through replica A, each switching between two documents that change the stream's figures (Brest closed;
/// the Red Sea closed). Each sample is the time from sending the update to B's stream delivering the new metrics.
/// </summary>
internal static class WatchDelivery
{
    private static readonly OdPair XianDuisburg = new() { Origin = "xian", Destination = "duisburg" };

    public static async Task RunAsync(Uri a, Uri b, string writerKey, int writes)
    {
        using GrpcChannel toA = GrpcChannel.ForAddress(a);
        using GrpcChannel toB = GrpcChannel.ForAddress(b);
        var scenarios = new ScenarioService.ScenarioServiceClient(toA);
        var metrics = new MetricsService.MetricsServiceClient(toB);
        var key = new Metadata { { "x-api-key", writerKey } };
        string id = "measure-" + Guid.NewGuid().ToString("N")[..8];
        Scenario current = await scenarios.CreateScenarioAsync(new CreateScenarioRequest { Id = id, Definition = Document(id, 0) }, key);

        // B learns of the scenario through the store; the watch needs it to exist there.
        AsyncServerStreamingCall<WatchCorridorMetricsResponse>? watch = null;
        for (int attempt = 0; watch is null; attempt++)
        {
            try
            {
                watch = metrics.WatchCorridorMetrics(new WatchCorridorMetricsRequest { Pairs = { XianDuisburg }, ScenarioId = id });
                await NextMetricsAsync(watch);
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.NotFound && attempt < 100)
            {
                watch?.Dispose();
                watch = null;
                await Task.Delay(20);
            }
        }

        var samples = new List<double>(writes);
        for (int i = 1; i <= writes; i++)
        {
            long sent = Stopwatch.GetTimestamp();
            current = await scenarios.UpdateScenarioAsync(new UpdateScenarioRequest { Id = id, ExpectedVersion = current.Version, Definition = Document(id, i) }, key);
            GetCorridorMetricsResponse delivered = await NextMetricsAsync(watch);
            samples.Add(Stopwatch.GetElapsedTime(sent).TotalMilliseconds);
            if (!delivered.Version.Contains($".v{current.Version}.", StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"B delivered {delivered.Version}, expected version {current.Version}");
            }
        }

        watch.Dispose();
        await scenarios.DeleteScenarioAsync(new DeleteScenarioRequest { Id = id, ExpectedVersion = current.Version }, key);
        samples.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"watch delivery A→B over {writes} writes: p50 {Percentiles.Of(samples, 50):F1} ms, p99 {Percentiles.Of(samples, 99):F1} ms, max {samples[^1]:F1} ms (update sent → B's stream delivers)"));
    }

    private static string Document(string id, int i) => i % 2 == 0
        ? $$"""{"id":"{{id}}","name":"Red Sea closed","changes":[{"type":"close-place","place":"bab-el-mandeb"}]}"""
        : $$"""{"id":"{{id}}","name":"Brest closed","changes":[{"type":"close-link","link":"brest-malaszewicze"}]}""";

    private static async Task<GetCorridorMetricsResponse> NextMetricsAsync(AsyncServerStreamingCall<WatchCorridorMetricsResponse> watch)
    {
        while (await watch.ResponseStream.MoveNext(CancellationToken.None))
        {
            if (watch.ResponseStream.Current.EventCase == WatchCorridorMetricsResponse.EventOneofCase.Metrics)
            {
                return watch.ResponseStream.Current.Metrics;
            }
        }

        throw new InvalidOperationException("the watch ended");
    }
}
