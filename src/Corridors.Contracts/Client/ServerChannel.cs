using Grpc.Core;
using Grpc.Net.Client;
using Grpc.Net.Client.Balancer;
using Grpc.Net.Client.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Corridors.Contracts.Client;

/// <summary>
/// A client's channel to one Corridors server, or to several replicas of it: with more than one address,
/// Grpc.Net.Client's client-side balancing — a static resolver hands the channel every address, and the round_robin
/// policy keeps a connection to each and sends each call to the next ready one (a replica that goes away is skipped
/// until it comes back). The pattern README "Running more than one" shows; the CLI's <c>--server</c>, the load tool
/// and the replica measurements all open their channels here.
/// </summary>
public static class ServerChannel
{
    /// <summary>
    /// The addresses in a comma-separated list of http:// or https:// URLs (all with the same scheme), or null with
    /// the reason.
    /// </summary>
    public static IReadOnlyList<Uri>? ParseAddresses(string text, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(text);
        var addresses = new List<Uri>();
        foreach (string part in text.Split(',', StringSplitOptions.TrimEntries))
        {
            if (!Uri.TryCreate(part, UriKind.Absolute, out Uri? address) || address.Scheme is not ("http" or "https"))
            {
                problem = $"'{part}' is not an http:// or https:// URL";
                return null;
            }

            addresses.Add(address);
        }

        if (addresses.Select(a => a.Scheme).Distinct(StringComparer.Ordinal).Count() > 1)
        {
            problem = "mixes http:// and https:// addresses; balance over replicas of one kind";
            return null;
        }

        problem = null;
        return addresses;
    }

    /// <summary>A channel to the one address, or round-robin over all of them.</summary>
    public static GrpcChannel Open(IReadOnlyList<Uri> addresses)
    {
        ArgumentNullException.ThrowIfNull(addresses);
        if (addresses.Count == 0)
        {
            throw new ArgumentException("At least one address is needed.", nameof(addresses));
        }

        if (addresses.Count == 1)
        {
            return GrpcChannel.ForAddress(addresses[0]);
        }

        var resolver = new StaticResolverFactory(_ => addresses.Select(a => new BalancerAddress(a.Host, a.Port)));
        var services = new ServiceCollection();
        services.AddSingleton<ResolverFactory>(resolver);
        return GrpcChannel.ForAddress("static:///corridors", new GrpcChannelOptions
        {
            Credentials = addresses[0].Scheme == "https" ? ChannelCredentials.SecureSsl : ChannelCredentials.Insecure,
            ServiceConfig = new ServiceConfig { LoadBalancingConfigs = { new RoundRobinConfig() } },
            ServiceProvider = services.BuildServiceProvider(),
        });
    }
}
