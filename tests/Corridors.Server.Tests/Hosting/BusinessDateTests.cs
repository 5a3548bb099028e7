using System.Threading.Channels;
using Corridors.Contracts.V1;
using Corridors.Server.Tests.Support;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;
using Microsoft.Extensions.Logging;

namespace Corridors.Server.Tests.Hosting;

/// <summary>
/// The business date and wall time are two clocks: pinning the business date years in the past or the future (here
/// with the real wall clock) must leave deadlines, heartbeats and health as they are, and stale data is answered
/// and flagged, never refused.
/// </summary>
public sealed class BusinessDateTests
{
    private static ServerFactory Server(string businessDate) => new(
        new Dictionary<string, string?> { ["Corridors:BusinessDate"] = businessDate, ["Corridors:MetricsHeartbeatSeconds"] = "0.2" },
        realWallClock: true);

    [Theory]
    [InlineData("2015-03-01")]
    [InlineData("2039-06-01")]
    public async Task BusinessDateFarFromTheWallClock_CallsMeetTheirDeadlinesAndWatchHeartbeatsFlow(string businessDate)
    {
        using ServerFactory server = Server(businessDate);
        using GrpcChannel channel = server.CreateChannel();

        // A deadline by the real clock: it would already have passed by the business date of 2015.
        CompareCorridorsResponse answer = await new ComparisonService.ComparisonServiceClient(channel)
            .CompareCorridorsAsync(new CompareCorridorsRequest { Origin = "xian", Destination = "duisburg" }, deadline: Bounded.Deadline()).Within();
        Assert.Equal(businessDate, answer.AsOf);
        Assert.Equal(businessDate, answer.DataFreshness.BusinessDate);

        using AsyncServerStreamingCall<WatchCorridorMetricsResponse> watch = new MetricsService.MetricsServiceClient(channel)
            .WatchCorridorMetrics(new WatchCorridorMetricsRequest { Pairs = { new OdPair { Origin = "xian", Destination = "duisburg" } } }, deadline: Bounded.Deadline());
        var received = new List<WatchCorridorMetricsResponse>();
        while (received.Count(m => m.Heartbeat is not null) < 2)
        {
            Assert.True(await watch.ResponseStream.MoveNext(CancellationToken.None).Within(), "the stream ended before two heartbeats");
            received.Add(watch.ResponseStream.Current);
        }

        Assert.Equal(businessDate, received[0].Metrics.AsOf);
        Assert.All(received.Skip(1), m => Assert.Equal(received[0].Metrics.Version, m.Heartbeat.Version));
    }

    [Fact]
    public async Task BusinessDatePastTheDataFreshness_AnswersFlaggedAsStaleAndProjected_AndStaysServing()
    {
        using ServerFactory server = Server("2028-06-01");
        using GrpcChannel channel = server.CreateChannel();

        CompareCorridorsResponse answer = await new ComparisonService.ComparisonServiceClient(channel)
            .CompareCorridorsAsync(new CompareCorridorsRequest { Origin = "xian", Destination = "duisburg" }, deadline: Bounded.Deadline()).Within();
        CorridorComparison northern = answer.Comparisons.Single(c => c.CorridorId == "northern");
        Assert.Equal("2028-06-01", answer.AsOf);
        Assert.Equal(RouteOutcome.Found, northern.Outcome);
        Assert.Equal(RiskBasis.Projected, northern.SanctionRisk.Basis);
        Assert.Equal("2026-11-29", northern.SanctionRisk.MeasuresReviewedOn);
        Assert.Equal(
            new DataFreshness { BusinessDate = "2028-06-01", ReviewedOn = "2026-11-29", FreshUntil = "2027-11-29", AgeDays = 550, DaysLeft = -185, Stale = true },
            answer.DataFreshness);

        GetCorridorMetricsResponse metrics = await new MetricsService.MetricsServiceClient(channel)
            .GetCorridorMetricsAsync(new GetCorridorMetricsRequest(), deadline: Bounded.Deadline()).Within();
        Assert.True(metrics.DataFreshness.Stale);
        Assert.Equal(550, metrics.DataFreshness.AgeDays);
        GetCorridorMetricsResponse unchanged = await new MetricsService.MetricsServiceClient(channel)
            .GetCorridorMetricsAsync(new GetCorridorMetricsRequest { KnownVersion = metrics.Version }, deadline: Bounded.Deadline()).Within();
        Assert.True(unchanged.Unchanged);
        Assert.Equal(metrics.DataFreshness, unchanged.DataFreshness);

        HealthCheckResponse health = await new Health.HealthClient(channel).CheckAsync(new HealthCheckRequest(), deadline: Bounded.Deadline()).Within();
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, health.Status);

        CapturedLogs.LogEntry warning = server.Logs.Entries.Single(e => e.EventId.Id == 1005);
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.StartsWith("Sanction data is stale: reviewed 2026-11-29, fresh until 2027-11-29, 550 days old on 2028-06-01.", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FreshData_IsLoggedWithItsDaysLeft_NotWarned()
    {
        using ServerFactory server = Server("2027-06-01");
        using GrpcChannel channel = server.CreateChannel();
        await new Health.HealthClient(channel).CheckAsync(new HealthCheckRequest(), deadline: Bounded.Deadline()).Within();

        Assert.DoesNotContain(server.Logs.Entries, e => e.EventId.Id == 1005);
        CapturedLogs.LogEntry line = server.Logs.Entries.Single(e => e.EventId.Id == 1006);
        Assert.Equal("Sanction data reviewed 2026-11-29, fresh until 2027-11-29 (181 days left)", line.Message);
    }
}
