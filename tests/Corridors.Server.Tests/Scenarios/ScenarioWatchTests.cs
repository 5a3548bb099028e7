using System.Diagnostics;
using Corridors.Contracts.V1;
using Corridors.Server.Tests.Support;
using Grpc.Core;
using Xunit.Abstractions;

namespace Corridors.Server.Tests.Scenarios;

/// <summary>
/// WatchCorridorMetrics under scenarios: a change reaches that scenario's watchers within 1 s, wakes no other, and a
/// watcher that never reads does not hold up the others. The server's clock is fake and never moved here, so no
/// heartbeat can arrive: any message a stream gets is caused by a scenario change.
/// </summary>
[Collection(ScenarioServer.Name)]
public sealed class ScenarioWatchTests(ScenarioServer server, ITestOutputHelper output)
{
    /// <summary>The bound of issue "Scenarios": dashboards see a change within a second.</summary>
    private static readonly TimeSpan DeliveryBound = TimeSpan.FromSeconds(1);

    /// <summary>How long a stream that must not be woken is watched.</summary>
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(1500);

    private static readonly OdPair XianDuisburg = new() { Origin = "xian", Destination = "duisburg" };

    private readonly MetricsService.MetricsServiceClient _metrics = new(server.Factory.CreateChannel());

    private async Task CreateAsync(string id) =>
        await server.Client.CreateScenarioAsync(new CreateScenarioRequest { Id = id, Definition = Definitions.CloseRedSea(id) },
            ScenarioServer.Writer, Bounded.Deadline()).Within();

    private async Task<TimeSpan> UpdateAndTimeAsync(string id, long expectedVersion, string definition, Func<Task> delivered)
    {
        long started = Stopwatch.GetTimestamp();
        await server.Client.UpdateScenarioAsync(new UpdateScenarioRequest { Id = id, ExpectedVersion = expectedVersion, Definition = definition },
            ScenarioServer.Writer, Bounded.Deadline()).Within();
        await delivered().WaitAsync(Bounded.Timeout);
        return Stopwatch.GetElapsedTime(started);
    }

    private AsyncServerStreamingCall<WatchCorridorMetricsResponse> Watch(string scenarioId, CancellationToken cancellation) =>
        _metrics.WatchCorridorMetrics(new WatchCorridorMetricsRequest { Pairs = { XianDuisburg }, ScenarioId = scenarioId },
            deadline: Bounded.Deadline(), cancellationToken: cancellation);

    private static async Task<GetCorridorMetricsResponse> NextMetricsAsync(AsyncServerStreamingCall<WatchCorridorMetricsResponse> call)
    {
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None).WaitAsync(Bounded.Timeout));
        Assert.Equal(WatchCorridorMetricsResponse.EventOneofCase.Metrics, call.ResponseStream.Current.EventCase);
        return call.ResponseStream.Current.Metrics;
    }

    [Fact]
    public async Task ChangeToA_ReachesAsWatcherWithinOneSecond_AndWakesNeitherBNorTheBaseline()
    {
        await CreateAsync("watch-a");
        await CreateAsync("watch-b");
        using var cancel = new CancellationTokenSource();
        using AsyncServerStreamingCall<WatchCorridorMetricsResponse> a = Watch("watch-a", cancel.Token);
        using AsyncServerStreamingCall<WatchCorridorMetricsResponse> b = Watch("watch-b", cancel.Token);
        using AsyncServerStreamingCall<WatchCorridorMetricsResponse> baseline = Watch(string.Empty, cancel.Token);
        GetCorridorMetricsResponse a1 = await NextMetricsAsync(a);
        GetCorridorMetricsResponse b1 = await NextMetricsAsync(b);
        await NextMetricsAsync(baseline);
        Task<bool> bNext = b.ResponseStream.MoveNext(CancellationToken.None);
        Task<bool> baselineNext = baseline.ResponseStream.MoveNext(CancellationToken.None);

        GetCorridorMetricsResponse? a2 = null;
        TimeSpan delivery = await UpdateAndTimeAsync("watch-a", 1, Definitions.CloseBrest("watch-a"), async () => a2 = await NextMetricsAsync(a));
        await Task.Delay(Quiet);

        output.WriteLine($"watch-a update delivered in {delivery.TotalMilliseconds:F0} ms");
        Assert.True(delivery < DeliveryBound, $"delivered after {delivery.TotalMilliseconds:F0} ms");
        Assert.Contains("-watch-a.v1.", a1.Version, StringComparison.Ordinal);
        Assert.Contains("-watch-a.v2.", a2!.Version, StringComparison.Ordinal);
        Assert.Equal("watch-a", a2.ScenarioId);
        // Brest closed for good: the northern corridor no longer runs through it.
        Assert.NotEqual(a1.Pairs[0].Corridors.Single(c => c.CorridorId == "northern"), a2.Pairs[0].Corridors.Single(c => c.CorridorId == "northern"));
        Assert.False(bNext.IsCompleted, "the watcher of another scenario was woken");
        Assert.False(baselineNext.IsCompleted, "the baseline watcher was woken");
        Assert.Contains("-watch-b.v1.", b1.Version, StringComparison.Ordinal);
        await cancel.CancelAsync();
    }

    [Fact]
    public async Task ChangeThatLeavesTheWatchedPairsAlone_SendsNothing()
    {
        await CreateAsync("watch-unaffected");
        using var cancel = new CancellationTokenSource();
        // Kashgar–Tashkent runs on the CKU corridor only: neither the Red Sea nor Brest is on any of its routes.
        using AsyncServerStreamingCall<WatchCorridorMetricsResponse> kashgar = _metrics.WatchCorridorMetrics(
            new WatchCorridorMetricsRequest { Pairs = { new OdPair { Origin = "kashgar", Destination = "tashkent" } }, ScenarioId = "watch-unaffected" },
            deadline: Bounded.Deadline(), cancellationToken: cancel.Token);
        using AsyncServerStreamingCall<WatchCorridorMetricsResponse> xian = Watch("watch-unaffected", cancel.Token);
        await NextMetricsAsync(kashgar);
        await NextMetricsAsync(xian);
        Task<bool> kashgarNext = kashgar.ResponseStream.MoveNext(CancellationToken.None);

        TimeSpan delivery = await UpdateAndTimeAsync("watch-unaffected", 1, Definitions.CloseBrest("watch-unaffected"), () => NextMetricsAsync(xian));
        await Task.Delay(Quiet);

        Assert.True(delivery < DeliveryBound, $"delivered after {delivery.TotalMilliseconds:F0} ms");
        Assert.False(kashgarNext.IsCompleted, "a watcher whose pairs the change does not touch was sent metrics");
        await cancel.CancelAsync();
    }

    [Fact]
    public async Task StalledWatcher_NeverReading_DoesNotDelayAnother()
    {
        await CreateAsync("watch-stall");
        using var cancel = new CancellationTokenSource();
        // The stalled watcher: subscribed, never reads a single message.
        using AsyncServerStreamingCall<WatchCorridorMetricsResponse> stalled = Watch("watch-stall", cancel.Token);
        using AsyncServerStreamingCall<WatchCorridorMetricsResponse> live = Watch("watch-stall", cancel.Token);
        await NextMetricsAsync(live);

        var deliveries = new List<TimeSpan>();
        for (int version = 1; version <= 5; version++)
        {
            string definition = version % 2 == 1 ? Definitions.CloseBrest("watch-stall") : Definitions.CloseRedSea("watch-stall");
            GetCorridorMetricsResponse? received = null;
            deliveries.Add(await UpdateAndTimeAsync("watch-stall", version, definition, async () => received = await NextMetricsAsync(live)));
            Assert.Contains($"-watch-stall.v{version + 1}.", received!.Version, StringComparison.Ordinal);
        }

        output.WriteLine("deliveries with a stalled watcher: " + string.Join(", ", deliveries.Select(d => $"{d.TotalMilliseconds:F0} ms")));
        Assert.All(deliveries, d => Assert.True(d < DeliveryBound, $"delivered after {d.TotalMilliseconds:F0} ms"));
        await cancel.CancelAsync();
    }

    [Fact]
    public async Task Heartbeats_KeepComingOnAScenarioWatch()
    {
        await CreateAsync("watch-beat");
        using var cancel = new CancellationTokenSource();
        using AsyncServerStreamingCall<WatchCorridorMetricsResponse> call = Watch("watch-beat", cancel.Token);
        GetCorridorMetricsResponse first = await NextMetricsAsync(call);
        Task<bool> next = call.ResponseStream.MoveNext(CancellationToken.None);

        // The stream waits on the fake clock; move it past one heartbeat interval (default 15 s) until it answers.
        while (!next.IsCompleted)
        {
            server.Factory.Clock.Advance(TimeSpan.FromSeconds(15));
            await Task.WhenAny(next, Task.Delay(50));
        }

        Assert.True(await next.WaitAsync(Bounded.Timeout));
        Assert.Equal(WatchCorridorMetricsResponse.EventOneofCase.Heartbeat, call.ResponseStream.Current.EventCase);
        Assert.Equal(first.Version, call.ResponseStream.Current.Heartbeat.Version);
        await cancel.CancelAsync();
    }

    [Fact]
    public async Task DeletingTheWatchedScenario_EndsTheStreamWithNotFound()
    {
        await CreateAsync("watch-gone");
        using var cancel = new CancellationTokenSource();
        using AsyncServerStreamingCall<WatchCorridorMetricsResponse> call = Watch("watch-gone", cancel.Token);
        await NextMetricsAsync(call);

        await server.Client.DeleteScenarioAsync(new DeleteScenarioRequest { Id = "watch-gone", ExpectedVersion = 1 }, ScenarioServer.Writer, Bounded.Deadline()).Within();
        RpcException ended = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext(CancellationToken.None)).Within();

        Assert.Equal(StatusCode.NotFound, ended.StatusCode);
        Assert.Equal("scenario 'watch-gone' was deleted", ended.Status.Detail);
    }
}
