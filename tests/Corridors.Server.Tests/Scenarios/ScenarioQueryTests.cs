using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Corridors.Contracts.V1;
using Corridors.Server.Security;
using Corridors.Server.Tests.Support;
using Grpc.Core;

namespace Corridors.Server.Tests.Scenarios;

/// <summary>Every query RPC under a scenario: the shipped ones' figures, side by side with the baseline, unknown ids, caches.</summary>
[Collection(ScenarioServer.Name)]
public sealed class ScenarioQueryTests(ScenarioServer server)
{
    private readonly ComparisonService.ComparisonServiceClient _comparison = new(server.Factory.CreateChannel());
    private readonly MetricsService.MetricsServiceClient _metrics = new(server.Factory.CreateChannel());

    private static CompareCorridorsRequest Compare(string from, string to, string asOf, string scenario = "", bool baseline = false) => new()
    {
        Origin = from,
        Destination = to,
        Constraints = new RouteConstraints { AsOf = asOf },
        ScenarioId = scenario,
        IncludeBaseline = baseline,
    };

    [Fact]
    public async Task RedSeaClosed_WithBaseline_SendsMaritimeRoundTheCape_SevenToFourteenDaysLater()
    {
        CompareCorridorsResponse response = await _comparison.CompareCorridorsAsync(
            Compare("shanghai", "rotterdam", "2024-06-01", "red-sea-closed", baseline: true), deadline: Bounded.Deadline()).Within();

        Assert.Equal("red-sea-closed", response.ScenarioId);
        Assert.Equal(1, response.ScenarioVersion);
        Assert.Equal(response.Comparisons.Select(c => c.CorridorId), response.BaselineComparisons.Select(c => c.CorridorId));
        Assert.Equal(response.Comparisons.Select(c => c.CorridorId), response.Deltas.Select(d => d.CorridorId));
        CorridorComparison scenario = response.Comparisons.Single(c => c.CorridorId == "maritime");
        CorridorComparison baseline = response.BaselineComparisons.Single(c => c.CorridorId == "maritime");
        CorridorDelta delta = response.Deltas.Single(d => d.CorridorId == "maritime");
        Assert.Contains(scenario.Legs, l => l.To.Id == "cape-of-good-hope");
        Assert.DoesNotContain(scenario.Legs, l => l.To.Id == "bab-el-mandeb");
        Assert.Contains(baseline.Legs, l => l.To.Id == "bab-el-mandeb");
        Assert.InRange(delta.DeltaP50Days, 7, 14);
        Assert.Equal(scenario.TransitDays.P50 - baseline.TransitDays.P50, delta.DeltaP50Days, 0.002);
        Assert.InRange(delta.DeltaDistanceKm / 1.852, 3_000, 4_000); // ~3,500 nm more (SEA-06)
        Assert.False(delta.OutcomeChanged);
        Assert.Equal(0, response.Deltas.Single(d => d.CorridorId == "northern").DeltaDistanceKm, 1e-9);
    }

    [Fact]
    public async Task PolandBelarusClosure_OnTheFifteenthOfSeptember2025_MakesNorthernInfeasible()
    {
        CompareCorridorsResponse response = await _comparison.CompareCorridorsAsync(
            Compare("xian", "duisburg", "2025-09-15", "poland-belarus-border-closed", baseline: true), deadline: Bounded.Deadline()).Within();

        CorridorComparison northern = response.Comparisons.Single(c => c.CorridorId == "northern");
        Assert.Equal(RouteOutcome.Infeasible, northern.Outcome);
        Assert.Equal("scenario 'poland-belarus-border-closed' closing brest-malaszewicze (2025-09-12 – 2025-09-25)", Assert.Single(northern.Reasons).Message);
        CorridorDelta delta = response.Deltas.Single(d => d.CorridorId == "northern");
        Assert.True(delta.OutcomeChanged);
        Assert.Equal(RouteOutcome.Found, delta.BaselineOutcome);
        Assert.Equal(RouteOutcome.Infeasible, delta.ScenarioOutcome);
        Assert.False(delta.HasDeltaP50Days);
        Assert.Equal(RouteOutcome.Found, response.Comparisons.Single(c => c.CorridorId == "middle").Outcome);
    }

    [Fact]
    public async Task UnknownScenario_IsNotFound_OnEveryQueryRpc()
    {
        const string unknown = "atlantis-sunk";
        var errors = new List<RichError>
        {
            await _comparison.CompareCorridorsAsync(Compare("xian", "duisburg", "", unknown), deadline: Bounded.Deadline()).Fails(StatusCode.NotFound),
            await _comparison.FindRoutesAsync(new FindRoutesRequest { Origin = "xian", Destination = "duisburg", ScenarioId = unknown }, deadline: Bounded.Deadline()).Fails(StatusCode.NotFound),
            await _comparison.FindParetoRoutesAsync(new FindParetoRoutesRequest { Origin = "xian", Destination = "duisburg", ScenarioId = unknown }, deadline: Bounded.Deadline()).Fails(StatusCode.NotFound),
            await _comparison.ComputeMatrixAsync(new ComputeMatrixRequest { Origins = { "xian" }, Destinations = { "duisburg" }, ScenarioId = unknown }, deadline: Bounded.Deadline()).Fails(StatusCode.NotFound),
            await _metrics.GetCorridorMetricsAsync(new GetCorridorMetricsRequest { ScenarioId = unknown }, deadline: Bounded.Deadline()).Fails(StatusCode.NotFound),
        };
        using AsyncServerStreamingCall<WatchCorridorMetricsResponse> watch = _metrics.WatchCorridorMetrics(
            new WatchCorridorMetricsRequest { ScenarioId = unknown }, deadline: Bounded.Deadline());
        RpcException watchError = await Assert.ThrowsAsync<RpcException>(() => watch.ResponseStream.MoveNext(CancellationToken.None)).Within();
        errors.Add(new RichError(watchError));

        Assert.All(errors, e =>
        {
            Assert.Equal(["scenario_id"], e.Fields);
            Assert.Equal("SCENARIO_NOT_FOUND", e.ErrorInfo.Reason);
            Assert.StartsWith("no scenario has id 'atlantis-sunk'; known: caspian-ferry-congestion, cku-open, poland-belarus-border-closed, red-sea-closed",
                e.DescriptionOf("scenario_id"), StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task IncludeBaseline_WithoutAScenario_IsInvalidArgument()
    {
        RichError error = await _comparison.CompareCorridorsAsync(Compare("xian", "duisburg", "", baseline: true), deadline: Bounded.Deadline()).Fails(StatusCode.InvalidArgument);

        Assert.Equal("a side-by-side comparison with the baseline needs a scenario_id", error.DescriptionOf("include_baseline"));
    }

    [Fact]
    public async Task FindRoutes_UnderRedSeaClosed_GoesRoundTheCape()
    {
        var request = new FindRoutesRequest
        {
            Origin = "shanghai", Destination = "rotterdam", ScenarioId = "red-sea-closed",
            Constraints = new RouteConstraints { AsOf = "2024-06-01", CorridorId = "maritime" },
        };

        FindRoutesResponse response = await _comparison.FindRoutesAsync(request, deadline: Bounded.Deadline()).Within();

        Assert.Contains(response.Routes[0].Legs, l => l.To.Id == "cape-of-good-hope");
    }

    [Fact]
    public async Task UserScenario_AnswersQueries_AndAnUpdateIsNeverAnsweredFromTheOldCacheEntry()
    {
        await server.Client.CreateScenarioAsync(new CreateScenarioRequest { Id = "query-redsea", Definition = Definitions.CloseRedSea("query-redsea") },
            ScenarioServer.Writer, Bounded.Deadline()).Within();
        CompareCorridorsRequest request = Compare("shanghai", "rotterdam", "2026-11-29", "query-redsea");

        CompareCorridorsResponse closed = await _comparison.CompareCorridorsAsync(request, deadline: Bounded.Deadline()).Within();
        CompareCorridorsResponse closedAgain = await _comparison.CompareCorridorsAsync(request, deadline: Bounded.Deadline()).Within();
        await server.Client.UpdateScenarioAsync(new UpdateScenarioRequest { Id = "query-redsea", ExpectedVersion = 1, Definition = Definitions.CloseBrest("query-redsea") },
            ScenarioServer.Writer, Bounded.Deadline()).Within();
        CompareCorridorsResponse updated = await _comparison.CompareCorridorsAsync(request, deadline: Bounded.Deadline()).Within();
        CompareCorridorsResponse baseline = await _comparison.CompareCorridorsAsync(Compare("shanghai", "rotterdam", "2026-11-29"), deadline: Bounded.Deadline()).Within();

        Assert.Equal(closed, closedAgain);
        Assert.Equal(1, closed.ScenarioVersion);
        Assert.Contains(closed.Comparisons.Single(c => c.CorridorId == "maritime").Legs, l => l.To.Id == "cape-of-good-hope");
        Assert.Equal(2, updated.ScenarioVersion);
        Assert.Equal(baseline.Comparisons.Single(c => c.CorridorId == "maritime").DistanceKm, updated.Comparisons.Single(c => c.CorridorId == "maritime").DistanceKm);
    }

    [Fact]
    public async Task Metrics_UnderAScenario_CarryItsRevisionInTheVersion()
    {
        GetCorridorMetricsResponse scenario = await _metrics.GetCorridorMetricsAsync(new GetCorridorMetricsRequest { ScenarioId = "red-sea-closed" }, deadline: Bounded.Deadline()).Within();
        GetCorridorMetricsResponse baseline = await _metrics.GetCorridorMetricsAsync(new GetCorridorMetricsRequest(), deadline: Bounded.Deadline()).Within();
        GetCorridorMetricsResponse unchanged = await _metrics.GetCorridorMetricsAsync(
            new GetCorridorMetricsRequest { ScenarioId = "red-sea-closed", KnownVersion = scenario.Version }, deadline: Bounded.Deadline()).Within();

        Assert.Matches("^[0-9a-f]{12}-red-sea-closed\\.v1\\.[0-9a-f]{8}-20261129$", scenario.Version);
        Assert.Equal("red-sea-closed", scenario.ScenarioId);
        Assert.Matches("^[0-9a-f]{12}-s0-20261129$", baseline.Version);
        Assert.True(unchanged.Unchanged);
        double Maritime(GetCorridorMetricsResponse r) => r.Pairs.Single(p => p.Origin.Id == "shanghai").Corridors.Single(c => c.CorridorId == "maritime").TransitDays.P50;
        Assert.InRange(Maritime(scenario) - Maritime(baseline), 7, 14);
    }

    [Fact]
    public async Task Json_ScenariosUnderV1_CreateWithTheKeyHeader_ListAndCompare()
    {
        using HttpClient http = server.Factory.CreateClient();
        using var create = new HttpRequestMessage(HttpMethod.Post, new Uri("/v1/scenarios", UriKind.Relative))
        {
            Content = JsonContent.Create(new { id = "json-redsea", definition = Definitions.CloseRedSea("json-redsea") }),
        };
        create.Headers.Add(ApiKeyAuthenticator.HeaderName, ScenarioServer.WriterKey);
        using var anonymous = new HttpRequestMessage(HttpMethod.Post, new Uri("/v1/scenarios", UriKind.Relative))
        {
            Content = JsonContent.Create(new { id = "json-anon", definition = Definitions.CloseRedSea("json-anon") }),
        };

        using HttpResponseMessage created = await http.SendAsync(create).Within();
        using HttpResponseMessage refused = await http.SendAsync(anonymous).Within();
        string list = await http.GetStringAsync(new Uri("/v1/scenarios", UriKind.Relative)).Within();
        string one = await http.GetStringAsync(new Uri("/v1/scenarios/json-redsea", UriKind.Relative)).Within();
        string compare = await http.GetStringAsync(new Uri("/v1/comparisons?origin=shanghai&destination=rotterdam&scenarioId=json-redsea&includeBaseline=true", UriKind.Relative)).Within();

        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        using JsonDocument listed = JsonDocument.Parse(list);
        Assert.Contains(listed.RootElement.GetProperty("scenarios").EnumerateArray(), s => s.GetProperty("id").GetString() == "json-redsea" && s.GetProperty("version").GetString() == "1");
        using JsonDocument got = JsonDocument.Parse(one);
        Assert.Equal("SCENARIO_ORIGIN_STORED", got.RootElement.GetProperty("origin").GetString());
        using JsonDocument compared = JsonDocument.Parse(compare);
        JsonElement maritime = compared.RootElement.GetProperty("deltas").EnumerateArray().Single(d => d.GetProperty("corridorId").GetString() == "maritime");
        Assert.InRange(maritime.GetProperty("deltaP50Days").GetDouble(), 7, 14);
    }
}
