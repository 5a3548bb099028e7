using System.Net;
using System.Text.Json;
using Corridors.Contracts.V1;
using Corridors.Server.Hosting;
using Corridors.Server.Tests.Support;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Corridors.Server.Tests.Hosting;

/// <summary>
/// The server on real sockets: Kestrel on free loopback ports with the server's own endpoint setup — gRPC over
/// HTTP/2 cleartext (h2c) on one port, JSON transcoding over HTTP/1.1 on the other.
/// </summary>
public sealed class KestrelTests : IDisposable
{
    private readonly ServerFactory _factory = new(kestrel: true);
    private readonly ServerEndpoints _endpoints;

    public KestrelTests()
    {
        _factory.StartServer();
        _endpoints = _factory.Services.GetRequiredService<ServerEndpoints>();
    }

    [Fact]
    public async Task Grpc_OverH2cOnLoopback_ComparesCorridorsAndReportsHealth()
    {
        Assert.Equal(IPAddress.Loopback.ToString(), _endpoints.GrpcUri.Host);
        Assert.NotEqual(_endpoints.GrpcUri.Port, _endpoints.HttpUri.Port);
        using GrpcChannel channel = GrpcChannel.ForAddress(_endpoints.GrpcUri);

        HealthCheckResponse health = await new Health.HealthClient(channel)
            .CheckAsync(new HealthCheckRequest(), deadline: Bounded.Deadline()).Within();
        CompareCorridorsResponse response = await new ComparisonService.ComparisonServiceClient(channel)
            .CompareCorridorsAsync(new CompareCorridorsRequest { Origin = "Xi'an", Destination = "Duisburg" }, deadline: Bounded.Deadline()).Within();

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, health.Status);
        Assert.Equal(5, response.Comparisons.Count);
        Assert.Equal(RouteOutcome.Found, response.Comparisons[0].Outcome);
        Assert.Contains(_factory.Logs.Entries, e => e.EventId.Id == 1100 && e.Message.Contains(_endpoints.GrpcUri.ToString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task JsonTranscoding_OverHttp11_KeepsTheCliFieldNames()
    {
        using var http = new HttpClient { BaseAddress = _endpoints.HttpUri, DefaultRequestVersion = HttpVersion.Version11 };

        using HttpResponseMessage reply = await http.GetAsync(new Uri("/v1/comparisons?origin=xian&destination=duisburg", UriKind.Relative)).Within();
        string body = await reply.Content.ReadAsStringAsync().Within();

        Assert.Equal(HttpStatusCode.OK, reply.StatusCode);
        Assert.Equal(new Version(1, 1), reply.Version);
        using JsonDocument json = JsonDocument.Parse(body);
        JsonElement first = json.RootElement.GetProperty("comparisons")[0];
        Assert.Equal("northern", first.GetProperty("corridorId").GetString());
        Assert.Equal("ROUTE_OUTCOME_FOUND", first.GetProperty("outcome").GetString());
        Assert.InRange(first.GetProperty("distanceKm").GetDouble(), 9_000, 11_500);
        Assert.InRange(first.GetProperty("transitDays").GetProperty("p50").GetDouble(), 10, 20);
        Assert.Equal("2026-11-29", json.RootElement.GetProperty("asOf").GetString());
    }

    [Fact]
    public async Task Grpc_PastItsDeadline_IsDeadlineExceededAndTheServerStaysUp()
    {
        using GrpcChannel channel = GrpcChannel.ForAddress(_endpoints.GrpcUri);
        var client = new ComparisonService.ComparisonServiceClient(channel);
        ListPlacesResponse places = await new CatalogService.CatalogServiceClient(channel)
            .ListPlacesAsync(new ListPlacesRequest(), deadline: Bounded.Deadline()).Within();
        var matrix = new ComputeMatrixRequest();
        matrix.Origins.Add(places.Places.Take(50).Select(p => p.Id));
        matrix.Destinations.Add(places.Places.Skip(places.Places.Count - 50).Select(p => p.Id));

        RpcException exception = await Assert.ThrowsAsync<RpcException>(
            () => client.ComputeMatrixAsync(matrix, deadline: DateTime.UtcNow.AddMilliseconds(5)).ResponseAsync).Within();

        Assert.Equal(StatusCode.DeadlineExceeded, exception.StatusCode);
        CompareCorridorsResponse after = await client.CompareCorridorsAsync(
            new CompareCorridorsRequest { Origin = "chongqing", Destination = "duisburg" }, deadline: Bounded.Deadline()).Within();
        Assert.Equal(5, after.Comparisons.Count);
    }

    public void Dispose() => _factory.Dispose();
}
