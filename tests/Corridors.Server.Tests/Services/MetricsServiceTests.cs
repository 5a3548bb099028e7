using System.Text.Json;
using System.Threading.Channels;
using Corridors.Contracts.V1;
using Corridors.Server.Tests.Support;
using Grpc.Core;

namespace Corridors.Server.Tests.Services;

[Collection(SharedServer.Name)]
public sealed class MetricsServiceTests(SharedServer server)
{
    private readonly MetricsService.MetricsServiceClient _client = new(server.Factory.CreateChannel());

    [Fact]
    public async Task GetCorridorMetrics_NoPairs_GivesTheDefaultBoardWithAVersion()
    {
        GetCorridorMetricsResponse response = await _client.GetCorridorMetricsAsync(new GetCorridorMetricsRequest(), deadline: Bounded.Deadline()).Within();

        Assert.Equal(["xian>duisburg", "chongqing>duisburg", "shanghai>rotterdam", "kashgar>tashkent"],
            response.Pairs.Select(p => p.Origin.Id + ">" + p.Destination.Id));
        Assert.Matches("^[0-9a-f]{12}-s0-20261129$", response.Version);
        Assert.Equal("2026-11-29", response.AsOf);
        Assert.False(response.Unchanged);
        Assert.Equal(ServerFactory.Start, response.ComputedAt.ToDateTimeOffset());
        Assert.All(response.Pairs, p => Assert.Equal(5, p.Corridors.Count));
        CorridorMetric northern = response.Pairs[0].Corridors[0];
        Assert.Equal("northern", northern.CorridorId);
        Assert.Equal(RouteOutcome.Found, northern.Outcome);
        Assert.InRange(northern.TransitDays.P50, 10, 20);
        Assert.NotNull(northern.SanctionRisk);
        Assert.True(northern.Co2EKg > 0);
    }

    [Fact]
    public async Task GetCorridorMetrics_WithTheCurrentVersion_SaysUnchangedAndSendsNoPairs()
    {
        GetCorridorMetricsResponse first = await _client.GetCorridorMetricsAsync(new GetCorridorMetricsRequest(), deadline: Bounded.Deadline()).Within();

        GetCorridorMetricsResponse again = await _client.GetCorridorMetricsAsync(
            new GetCorridorMetricsRequest { KnownVersion = first.Version }, deadline: Bounded.Deadline()).Within();
        GetCorridorMetricsResponse stale = await _client.GetCorridorMetricsAsync(
            new GetCorridorMetricsRequest { KnownVersion = "000000000000-s0-20200101" }, deadline: Bounded.Deadline()).Within();

        Assert.True(again.Unchanged);
        Assert.Equal(first.Version, again.Version);
        Assert.Empty(again.Pairs);
        Assert.False(stale.Unchanged);
        Assert.Equal(4, stale.Pairs.Count);
    }

    /// <summary>Over JSON a watch of chosen pairs is a POST: the first message of the stream carries those pairs only.</summary>
    [Fact]
    public async Task WatchOverJson_PostWithPairs_StreamsThosePairs()
    {
        using HttpClient client = server.Factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/metrics:watch")
        {
            Content = new StringContent("""{"pairs":[{"origin":"chengdu","destination":"hamburg"}]}""", System.Text.Encoding.UTF8, "application/json"),
        };
        using HttpResponseMessage response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead).Within();
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());

        string? first = await reader.ReadLineAsync().Within();

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        using JsonDocument message = JsonDocument.Parse(first!);
        JsonElement pair = Assert.Single(message.RootElement.GetProperty("metrics").GetProperty("pairs").EnumerateArray());
        Assert.Equal(("chengdu", "hamburg"), (pair.GetProperty("origin").GetProperty("id").GetString(), pair.GetProperty("destination").GetProperty("id").GetString()));
    }

    [Fact]
    public async Task GetCorridorMetrics_RepeatedPoll_IsServedFromTheCache()
    {
        var request = new GetCorridorMetricsRequest { Pairs = { new OdPair { Origin = "chengdu", Destination = "hamburg" } } };

        GetCorridorMetricsResponse first = await _client.GetCorridorMetricsAsync(request, deadline: Bounded.Deadline()).Within();
        GetCorridorMetricsResponse second = await _client.GetCorridorMetricsAsync(request, deadline: Bounded.Deadline()).Within();

        Assert.Equal(first, second);
        Assert.Single(server.Factory.Logs.Entries, e => e.EventId.Id == 3000 && e.Message.Contains(" 1 pairs", StringComparison.Ordinal)
                                                        && e.Message.Contains(first.Version, StringComparison.Ordinal));
    }

    [Fact]
    public async Task GetCorridorMetrics_UnknownAndSamePlaces_AreReportedPerPair()
    {
        var request = new GetCorridorMetricsRequest
        {
            Pairs =
            {
                new OdPair { Origin = "xian", Destination = "Atlantis" },
                new OdPair { Origin = "xian", Destination = "xian" },
            },
        };

        RichError error = await _client.GetCorridorMetricsAsync(request, deadline: Bounded.Deadline()).Fails(StatusCode.InvalidArgument);

        Assert.Equal(["pairs[1].destination", "pairs[0].destination"], error.Fields);
    }

    [Fact]
    public async Task GetCorridorMetrics_TooManyPairs_IsInvalidArgument()
    {
        var request = new GetCorridorMetricsRequest();
        request.Pairs.Add(Enumerable.Range(0, 51).Select(_ => new OdPair { Origin = "xian", Destination = "duisburg" }));

        RichError error = await _client.GetCorridorMetricsAsync(request, deadline: Bounded.Deadline()).Fails(StatusCode.InvalidArgument);

        Assert.Equal("has 51 entries; at most 50 are accepted", error.DescriptionOf("pairs"));
    }
}

/// <summary>The stream, on its own server whose fake clock the test moves: initial metrics, heartbeat, update, cancellation.</summary>
public sealed class WatchCorridorMetricsTests : IDisposable
{
    /// <summary>Two minutes before midnight UTC, so the date (and with it the version) changes during the test.</summary>
    private static readonly DateTimeOffset BeforeMidnight = new(2026, 11, 29, 23, 58, 0, TimeSpan.Zero);

    private readonly ServerFactory _factory = new(new Dictionary<string, string?> { ["Corridors:MetricsHeartbeatSeconds"] = "10" }, BeforeMidnight);

    [Fact]
    public async Task Watch_SendsMetricsAtOnceThenHeartbeatsThenTheNewDaysMetricsAndEndsOnCancel()
    {
        var client = new MetricsService.MetricsServiceClient(_factory.CreateChannel());
        using var cancellation = new CancellationTokenSource(Bounded.Timeout);
        using AsyncServerStreamingCall<WatchCorridorMetricsResponse> call = client.WatchCorridorMetrics(
            new WatchCorridorMetricsRequest { Pairs = { new OdPair { Origin = "xian", Destination = "duisburg" } } },
            cancellationToken: cancellation.Token);
        var received = Channel.CreateUnbounded<WatchCorridorMetricsResponse>();
        Task<StatusCode> reader = ReadAllAsync(call, received.Writer);

        WatchCorridorMetricsResponse initial = await received.Reader.ReadAsync().AsTask().Within();
        Assert.Equal(WatchCorridorMetricsResponse.EventOneofCase.Metrics, initial.EventCase);
        Assert.EndsWith("-s0-20261129", initial.Metrics.Version, StringComparison.Ordinal);
        Assert.Equal("xian", Assert.Single(initial.Metrics.Pairs).Origin.Id);

        WatchCorridorMetricsResponse heartbeat = await AdvanceUntilMessageAsync(received.Reader, TimeSpan.FromSeconds(1));
        Assert.Equal(WatchCorridorMetricsResponse.EventOneofCase.Heartbeat, heartbeat.EventCase);
        Assert.Equal(initial.Metrics.Version, heartbeat.Heartbeat.Version);
        Assert.Equal(BeforeMidnight.AddSeconds(10), heartbeat.Heartbeat.SentAt.ToDateTimeOffset());

        WatchCorridorMetricsResponse update;
        do
        {
            update = await AdvanceUntilMessageAsync(received.Reader, TimeSpan.FromSeconds(5));
        }
        while (update.EventCase == WatchCorridorMetricsResponse.EventOneofCase.Heartbeat);

        Assert.EndsWith("-s0-20261130", update.Metrics.Version, StringComparison.Ordinal);
        Assert.Equal("2026-11-30", update.Metrics.AsOf);
        Assert.True(_factory.Clock.GetUtcNow() < BeforeMidnight.AddMinutes(3), "the update comes at midnight, not a heartbeat later");

        await cancellation.CancelAsync();
        Assert.Equal(StatusCode.Cancelled, await reader.Within());
        await WaitForLogAsync(3002); // the server's watch loop ended
    }

    [Fact]
    public async Task Watch_UnknownPlace_FailsWithNotFound()
    {
        var client = new MetricsService.MetricsServiceClient(_factory.CreateChannel());
        using AsyncServerStreamingCall<WatchCorridorMetricsResponse> call = client.WatchCorridorMetrics(
            new WatchCorridorMetricsRequest { Pairs = { new OdPair { Origin = "xian", Destination = "Atlantis" } } }, deadline: Bounded.Deadline());

        RpcException exception = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext(CancellationToken.None)).Within();

        Assert.Equal(StatusCode.NotFound, exception.StatusCode);
    }

    public void Dispose() => _factory.Dispose();

    /// <summary>Moves the fake clock in steps until the server sends something (the server may not be waiting yet at the first step).</summary>
    private async Task<WatchCorridorMetricsResponse> AdvanceUntilMessageAsync(ChannelReader<WatchCorridorMetricsResponse> reader, TimeSpan step)
    {
        for (int i = 0; i < 200; i++)
        {
            if (reader.TryRead(out WatchCorridorMetricsResponse? message))
            {
                return message;
            }

            _factory.Clock.Advance(step);
            using var pause = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));
            try
            {
                await reader.WaitToReadAsync(pause.Token);
            }
            catch (OperationCanceledException) when (pause.IsCancellationRequested)
            {
                // Nothing yet: advance again.
            }
        }

        throw new TimeoutException("The stream sent nothing while the clock moved.");
    }

    private async Task WaitForLogAsync(int eventId)
    {
        for (int i = 0; i < 300 && !_factory.Logs.Entries.Any(e => e.EventId.Id == eventId); i++)
        {
            await Task.Delay(10);
        }

        Assert.Contains(_factory.Logs.Entries, e => e.EventId.Id == eventId);
    }

    private static async Task<StatusCode> ReadAllAsync(AsyncServerStreamingCall<WatchCorridorMetricsResponse> call, ChannelWriter<WatchCorridorMetricsResponse> writer)
    {
        try
        {
            while (await call.ResponseStream.MoveNext(CancellationToken.None))
            {
                await writer.WriteAsync(call.ResponseStream.Current);
            }

            return StatusCode.OK;
        }
        catch (RpcException exception)
        {
            return exception.StatusCode;
        }
        finally
        {
            writer.Complete();
        }
    }
}
