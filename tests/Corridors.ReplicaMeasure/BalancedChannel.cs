using Grpc.Core;
using Grpc.Net.Client;
using Grpc.Net.Client.Balancer;
using Grpc.Net.Client.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Corridors.ReplicaMeasure;

/// <summary>
/// Grpc.Net.Client's client-side balancing over a fixed list of replicas: a static resolver hands the channel every
/// address, and the round_robin policy keeps a connection to each and sends each call to the next ready one (a
/// replica that goes away is skipped until it comes back). The pattern README "Running more than one" shows.
/// </summary>
internal static class BalancedChannel
{
    /// <param name="addresses">http://host:port of each replica's gRPC (h2c) endpoint.</param>
    public static GrpcChannel RoundRobin(IReadOnlyList<Uri> addresses)
    {
        var resolver = new StaticResolverFactory(_ => addresses.Select(a => new BalancerAddress(a.Host, a.Port)));
        var services = new ServiceCollection();
        services.AddSingleton<ResolverFactory>(resolver);
        return GrpcChannel.ForAddress("static:///corridors", new GrpcChannelOptions
        {
            Credentials = ChannelCredentials.Insecure,
            ServiceConfig = new ServiceConfig { LoadBalancingConfigs = { new RoundRobinConfig() } },
            ServiceProvider = services.BuildServiceProvider(),
        });
    }
}
