using Corridors.Server.Networks;
using Corridors.Server.Tests.Support;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Reflection.V1Alpha;
using Microsoft.Extensions.Logging.Abstractions;

namespace Corridors.Server.Tests.Services;

[Collection(SharedServer.Name)]
public sealed class HealthAndReflectionTests(SharedServer server)
{
    [Theory]
    [InlineData("")]
    [InlineData("corridors.v1.CatalogService")]
    [InlineData("corridors.v1.ComparisonService")]
    [InlineData("corridors.v1.MetricsService")]
    public async Task Check_AfterTheNetworkLoaded_IsServing(string service)
    {
        var client = new Health.HealthClient(server.Factory.CreateChannel());

        HealthCheckResponse response = await client.CheckAsync(new HealthCheckRequest { Service = service }, deadline: Bounded.Deadline()).Within();

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, response.Status);
    }

    [Fact]
    public async Task Check_UnknownService_IsNotFound()
    {
        var client = new Health.HealthClient(server.Factory.CreateChannel());

        RpcException exception = await Assert.ThrowsAsync<RpcException>(
            () => client.CheckAsync(new HealthCheckRequest { Service = "corridors.v1.Nope" }, deadline: Bounded.Deadline()).ResponseAsync).Within();

        Assert.Equal(StatusCode.NotFound, exception.StatusCode);
    }

    [Fact]
    public async Task ServingStatus_BeforeTheNetworkIsLoaded_IsNotServingForEveryService()
    {
        var status = new ServingStatus(NullLogger<ServingStatus>.Instance);

        foreach (string service in ServingStatus.ServiceNames)
        {
            HealthCheckResponse response = await status.Health.Check(new HealthCheckRequest { Service = service }, null!).Within();
            Assert.Equal(HealthCheckResponse.Types.ServingStatus.NotServing, response.Status);
        }
    }

    [Fact]
    public async Task Reflection_ListsTheCorridorsServicesAndHealth()
    {
        var client = new ServerReflection.ServerReflectionClient(server.Factory.CreateChannel());
        using AsyncDuplexStreamingCall<ServerReflectionRequest, ServerReflectionResponse> call = client.ServerReflectionInfo(deadline: Bounded.Deadline());

        await call.RequestStream.WriteAsync(new ServerReflectionRequest { ListServices = "" }).Within();
        await call.RequestStream.CompleteAsync().Within();
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None).Within());

        string[] services = [.. call.ResponseStream.Current.ListServicesResponse.Service.Select(s => s.Name)];
        Assert.Contains("corridors.v1.CatalogService", services);
        Assert.Contains("corridors.v1.ComparisonService", services);
        Assert.Contains("corridors.v1.MetricsService", services);
        Assert.Contains("grpc.health.v1.Health", services);
    }
}
