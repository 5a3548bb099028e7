using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Corridors.Application.Mapping;
using Corridors.Contracts.V1;
using Corridors.Server.Tests.Support;
using Grpc.Core;
using Grpc.Net.Client;
using Grpc.Net.Client.Web;

namespace Corridors.Server.Tests.Hosting;

/// <summary>JSON transcoding and gRPC-Web in memory; both must give what the CLI prints (ProtoJson of the same response).</summary>
[Collection(SharedServer.Name)]
public sealed class JsonAndGrpcWebTests(SharedServer server)
{
    private static readonly string[] AvoidRussia = ["RU"];

    [Fact]
    public async Task PostComparisons_GivesTheCliFieldNamesWithDefaultsPrinted()
    {
        using HttpClient http = server.Factory.CreateClient();

        using HttpResponseMessage reply = await http.PostAsJsonAsync(
            new Uri("/v1/comparisons", UriKind.Relative), new { origin = "Xi'an", destination = "Duisburg", constraints = new { avoidCountries = AvoidRussia } }).Within();
        using JsonDocument json = JsonDocument.Parse(await reply.Content.ReadAsStringAsync().Within());

        Assert.Equal(HttpStatusCode.OK, reply.StatusCode);
        JsonElement root = json.RootElement;
        Assert.Equal(["id", "name", "country"], root.GetProperty("origin").EnumerateObject().Select(p => p.Name));
        Assert.Equal("2026-11-29", root.GetProperty("asOf").GetString());
        JsonElement northern = root.GetProperty("comparisons")[0];
        Assert.Equal("northern", northern.GetProperty("corridorId").GetString());
        Assert.Equal("ROUTE_OUTCOME_INFEASIBLE", northern.GetProperty("outcome").GetString());
        Assert.Equal(0, northern.GetProperty("borderCrossings").GetInt32()); // a default value, printed
        Assert.Equal(0, northern.GetProperty("distanceKm").GetDouble());
        JsonElement found = root.GetProperty("comparisons").EnumerateArray().First(c => c.GetProperty("outcome").GetString() == "ROUTE_OUTCOME_FOUND");
        foreach (string field in new[] { "corridorId", "corridorName", "outcome", "distanceKm", "transitDays", "borderCrossings", "gaugeBreaks",
                                         "modeKm", "countries", "legs", "sanctionRisk", "co2eKg", "explanation", "reasons", "geometryGeojson" })
        {
            Assert.True(found.TryGetProperty(field, out _), field);
        }

        Assert.Equal(["p10", "p50", "p90"], found.GetProperty("transitDays").EnumerateObject().Select(p => p.Name));
        Assert.Equal(["rail", "road", "sea", "ferry", "inlandWaterway"], found.GetProperty("modeKm").EnumerateObject().Select(p => p.Name));
        Assert.Equal(["code", "km"], found.GetProperty("countries")[0].EnumerateObject().Select(p => p.Name));
        JsonElement leg = found.GetProperty("legs")[0];
        Assert.Equal(["id", "name"], leg.GetProperty("from").EnumerateObject().Select(p => p.Name));
        foreach (string field in new[] { "from", "to", "mode", "distanceKm", "hours", "dwellHours" })
        {
            Assert.True(leg.TryGetProperty(field, out _), field);
        }

        Assert.True(leg.GetProperty("hours").TryGetProperty("p50", out _));
        Assert.Equal(["score", "level", "verdict", "exposures", "prohibitingMeasureIds", "perspective", "exposurePoints", "basis", "measuresReviewedOn", "licensingMeasureIds"],
            found.GetProperty("sanctionRisk").EnumerateObject().Select(p => p.Name));
        Assert.Equal("RISK_BASIS_REVIEWED", found.GetProperty("sanctionRisk").GetProperty("basis").GetString());
        JsonElement freshness = root.GetProperty("dataFreshness");
        Assert.Equal(["businessDate", "reviewedOn", "freshUntil", "ageDays", "daysLeft", "stale"], freshness.EnumerateObject().Select(p => p.Name));
        Assert.False(freshness.GetProperty("stale").GetBoolean());
    }

    [Fact]
    public async Task JsonTranscoding_AndTheClisProtoJson_GiveTheSameDocument()
    {
        using HttpClient http = server.Factory.CreateClient();
        var grpc = new ComparisonService.ComparisonServiceClient(server.Factory.CreateChannel());

        string viaHttp = await http.GetStringAsync(new Uri("/v1/comparisons?origin=chongqing&destination=hamburg", UriKind.Relative)).Within();
        CompareCorridorsResponse viaGrpc = await grpc.CompareCorridorsAsync(
            new CompareCorridorsRequest { Origin = "chongqing", Destination = "hamburg" }, deadline: Bounded.Deadline()).Within();

        using JsonDocument a = JsonDocument.Parse(viaHttp);
        using JsonDocument b = JsonDocument.Parse(ProtoJson.Format(viaGrpc));
        Assert.True(JsonElement.DeepEquals(a.RootElement, b.RootElement), "transcoded JSON differs from ProtoJson of the gRPC response");
    }

    /// <summary>A read mask in JSON is one comma-separated string of camelCase paths, in a body or a query parameter.</summary>
    [Fact]
    public async Task ReadMask_InJson_IsCamelCaseCommaSeparated_InTheBodyOrTheQuery()
    {
        using HttpClient http = server.Factory.CreateClient();

        using HttpResponseMessage posted = await http.PostAsJsonAsync(new Uri("/v1/comparisons", UriKind.Relative),
            new { origin = "xian", destination = "duisburg", readMask = "comparisons.corridorId,comparisons.transitDays.p50" }).Within();
        string fromQuery = await http.GetStringAsync(new Uri("/v1/comparisons?origin=xian&destination=duisburg&readMask=comparisons.corridorId,comparisons.transitDays.p50", UriKind.Relative)).Within();
        using HttpResponseMessage refused = await http.PostAsJsonAsync(new Uri("/v1/comparisons", UriKind.Relative),
            new { origin = "xian", destination = "duisburg", readMask = "comparisons.transit" }).Within();

        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        using JsonDocument body = JsonDocument.Parse(await posted.Content.ReadAsStringAsync().Within());
        using JsonDocument query = JsonDocument.Parse(fromQuery);
        Assert.True(JsonElement.DeepEquals(body.RootElement, query.RootElement));
        JsonElement northern = body.RootElement.GetProperty("comparisons")[0];
        Assert.Equal("northern", northern.GetProperty("corridorId").GetString());
        Assert.True(northern.GetProperty("transitDays").GetProperty("p50").GetDouble() > 10);
        Assert.Equal(0, northern.GetProperty("transitDays").GetProperty("p90").GetDouble()); // left out, printed as its default
        Assert.Equal(0, northern.GetProperty("distanceKm").GetDouble());
        Assert.Empty(northern.GetProperty("legs").EnumerateArray());
        Assert.Equal(string.Empty, northern.GetProperty("geometryGeojson").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        using JsonDocument error = JsonDocument.Parse(await refused.Content.ReadAsStringAsync().Within());
        JsonElement violation = error.RootElement.GetProperty("details")[0].GetProperty("fieldViolations")[0];
        Assert.Equal("read_mask", violation.GetProperty("field").GetString());
        Assert.Equal("\"comparisons.transit\" names no field: CorridorComparison has no field transit", violation.GetProperty("description").GetString());
    }

    [Fact]
    public async Task JsonError_IsAGoogleRpcStatusWithItsDetails()
    {
        using HttpClient http = server.Factory.CreateClient();

        using HttpResponseMessage reply = await http.GetAsync(new Uri("/v1/comparisons?origin=xian&destination=Atlantis", UriKind.Relative)).Within();
        using JsonDocument json = JsonDocument.Parse(await reply.Content.ReadAsStringAsync().Within());

        Assert.Equal(HttpStatusCode.NotFound, reply.StatusCode);
        Assert.Equal(5, json.RootElement.GetProperty("code").GetInt32());
        JsonElement badRequest = json.RootElement.GetProperty("details")[0];
        Assert.Equal("type.googleapis.com/google.rpc.BadRequest", badRequest.GetProperty("@type").GetString());
        Assert.Equal("destination", badRequest.GetProperty("fieldViolations")[0].GetProperty("field").GetString());
    }

    [Fact]
    public async Task GetCorridor_ByPath_IsTranscoded()
    {
        using HttpClient http = server.Factory.CreateClient();

        using JsonDocument json = JsonDocument.Parse(await http.GetStringAsync(new Uri("/v1/corridors/maritime", UriKind.Relative)).Within());

        Assert.Equal("maritime", json.RootElement.GetProperty("corridor").GetProperty("id").GetString());
        Assert.StartsWith("{\"type\":\"FeatureCollection\"", json.RootElement.GetProperty("geometryGeojson").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GrpcWeb_OverHttp11_ComparesCorridors()
    {
        var handler = new GrpcWebHandler(GrpcWebMode.GrpcWeb, server.Factory.Server.CreateHandler());
        using GrpcChannel channel = GrpcChannel.ForAddress(server.Factory.Server.BaseAddress, new GrpcChannelOptions
        {
            HttpHandler = handler,
            HttpVersion = HttpVersion.Version11,
            HttpVersionPolicy = HttpVersionPolicy.RequestVersionExact,
        });
        var client = new ComparisonService.ComparisonServiceClient(channel);

        CompareCorridorsResponse response = await client.CompareCorridorsAsync(
            new CompareCorridorsRequest { Origin = "shanghai", Destination = "rotterdam" }, deadline: Bounded.Deadline()).Within();
        RpcException error = await Assert.ThrowsAsync<RpcException>(() => client.CompareCorridorsAsync(
            new CompareCorridorsRequest { Origin = "shanghai" }, deadline: Bounded.Deadline()).ResponseAsync).Within();

        Assert.Equal(RouteOutcome.Found, response.Comparisons.Single(c => c.CorridorId == "maritime").Outcome);
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
    }
}
