using Corridors.Contracts.V1;
using Corridors.Server.Hosting;
using Corridors.Server.Tests.Support;
using Grpc.Core;
using Grpc.Net.Client;
using Grpc.Net.Client.Balancer;
using Grpc.Net.Client.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Corridors.Server.Tests.Replicas;

/// <summary>
/// The client-side balancing README "Running more than one" documents, on real sockets: one Grpc.Net.Client channel
/// with a static resolver and round_robin over two replicas sends calls to both. The replicas' fake clocks start on
/// different days, so the date a CompareCorridors answer is "as of" tells which replica answered.
/// </summary>
[Collection(PostgresCluster.Name)]
public sealed class RoundRobinTests(PostgresCluster cluster)
{
    [Fact]
    public async Task RoundRobinChannel_OverTwoReplicas_ReachesBoth()
    {
        string connectionString = cluster.CreateDatabase();
        using var a = new ServerFactory(ReplicaPair.Settings(connectionString), start: new DateTimeOffset(2026, 11, 29, 12, 0, 0, TimeSpan.Zero), kestrel: true);
        using var b = new ServerFactory(ReplicaPair.Settings(connectionString), start: new DateTimeOffset(2026, 11, 30, 12, 0, 0, TimeSpan.Zero), kestrel: true);
        a.StartServer();
        b.StartServer();
        Uri[] replicas = [a.Services.GetRequiredService<ServerEndpoints>().GrpcUri, b.Services.GetRequiredService<ServerEndpoints>().GrpcUri];
        var resolver = new StaticResolverFactory(_ => replicas.Select(r => new BalancerAddress(r.Host, r.Port)));
        using ServiceProvider services = new ServiceCollection().AddSingleton<ResolverFactory>(resolver).BuildServiceProvider();
        using GrpcChannel channel = GrpcChannel.ForAddress("static:///corridors", new GrpcChannelOptions
        {
            Credentials = ChannelCredentials.Insecure,
            ServiceConfig = new ServiceConfig { LoadBalancingConfigs = { new RoundRobinConfig() } },
            ServiceProvider = services,
        });
        var comparisons = new ComparisonService.ComparisonServiceClient(channel);

        // Until both have answered (the second connection may become ready a little after the first), bounded.
        var answeredAsOf = new HashSet<string>(StringComparer.Ordinal);
        using var timeout = new CancellationTokenSource(Bounded.Timeout);
        while (answeredAsOf.Count < 2)
        {
            CompareCorridorsResponse answer = await comparisons.CompareCorridorsAsync(new CompareCorridorsRequest { Origin = "xian", Destination = "duisburg" },
                deadline: Bounded.Deadline(), cancellationToken: timeout.Token);
            answeredAsOf.Add(answer.AsOf);
        }

        Assert.Equal(["2026-11-29", "2026-11-30"], answeredAsOf.Order(StringComparer.Ordinal));
    }
}
