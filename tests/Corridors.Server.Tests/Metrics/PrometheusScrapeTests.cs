using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Corridors.Contracts.V1;
using Corridors.Server.Tests.Support;

namespace Corridors.Server.Tests.Metrics;

/// <summary>
/// <c>/metrics</c>: the board as Prometheus gauges carrying the API's figures, and the server's own metrics. Alone in
/// the test process: OpenTelemetry listens to meters by name, so a scrape would also show every other test server
/// alive at the time (one server per process in production).
/// </summary>
[Collection(Name)]
public sealed partial class PrometheusScrapeTests : IDisposable
{
    public const string Name = "metrics-scrape";

    private readonly ServerFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Scrape_GivesTheBoardsTransitDaysAndRiskAsTheApiAnswersThem()
    {
        var metrics = new MetricsService.MetricsServiceClient(_factory.CreateChannel());
        GetCorridorMetricsResponse board = await metrics.GetCorridorMetricsAsync(new GetCorridorMetricsRequest(), deadline: Bounded.Deadline()).Within();
        using HttpClient client = _factory.CreateClient();

        using HttpResponseMessage response = await client.GetAsync("/metrics").Within();
        string text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        CorridorMetric northern = board.Pairs.Single(p => p.Origin.Id == "xian" && p.Destination.Id == "duisburg").Corridors.Single(c => c.CorridorId == "northern");
        Assert.Equal(northern.TransitDays.P50, Sample(text, "corridors_transit_days", "corridor=\"northern\",destination=\"duisburg\",origin=\"xian\",quantile=\"p50\""), 3);
        Assert.Equal(northern.TransitDays.P90, Sample(text, "corridors_transit_days", "corridor=\"northern\",destination=\"duisburg\",origin=\"xian\",quantile=\"p90\""), 3);
        Assert.Equal(northern.SanctionRisk.Score, Sample(text, "corridors_risk_score", "corridor=\"northern\",destination=\"duisburg\",origin=\"xian\""), 3);
        Assert.Equal(board.DataFreshness.AgeDays, Sample(text, "corridors_data_age_days", string.Empty));
        Assert.Equal(board.DataFreshness.DaysLeft, Sample(text, "corridors_data_days_left", string.Empty));
    }

    [Fact]
    public async Task Scrape_CountsRpcsCacheLookupsAndWatchers()
    {
        var comparison = new ComparisonService.ComparisonServiceClient(_factory.CreateChannel());
        var request = new CompareCorridorsRequest { Origin = "xian", Destination = "duisburg", Constraints = new RouteConstraints { AsOf = "2024-06-01" } };
        await comparison.CompareCorridorsAsync(request, deadline: Bounded.Deadline()).Within();
        await comparison.CompareCorridorsAsync(request, deadline: Bounded.Deadline()).Within();
        using HttpClient client = _factory.CreateClient();

        string text = await client.GetStringAsync("/metrics").Within();

        Assert.Equal(1, Sample(text, "corridors_comparison_cache_lookups_total", "result=\"hit\""));
        Assert.Equal(1, Sample(text, "corridors_comparison_cache_lookups_total", "result=\"miss\""));
        Assert.Equal(2, Sample(text, "corridors_rpc_duration_seconds_count", "rpc_grpc_status_code=\"OK\",rpc_method=\"/corridors.v1.ComparisonService/CompareCorridors\""));
    }

    /// <summary>The value of the sample <paramref name="name"/> whose labels (after otel_scope_name) are <paramref name="labels"/>.</summary>
    private static double Sample(string exposition, string name, string labels)
    {
        Match match = SampleLine().Matches(exposition)
            .Single(m => m.Groups["name"].Value == name && StripScope(m.Groups["labels"].Value) == labels);
        return double.Parse(match.Groups["value"].Value, CultureInfo.InvariantCulture);
    }

    private static string StripScope(string labels) => ScopeLabel().Replace(labels, string.Empty);

    [GeneratedRegex("^(?<name>[a-z_]+)\\{(?<labels>[^}]*)\\} (?<value>\\S+)", RegexOptions.Multiline)]
    private static partial Regex SampleLine();

    [GeneratedRegex("otel_scope_name=\"[^\"]*\",?")]
    private static partial Regex ScopeLabel();
}

[CollectionDefinition(PrometheusScrapeTests.Name, DisableParallelization = true)]
public sealed class PrometheusScrapeDefinition;
