using Corridors.Application.Queries;
using Corridors.Domain.Network;
using Grpc.Core;

namespace Corridors.Server.Networks;

/// <summary>
/// Holds the network loaded at start-up and the queries over it. Set once by <see cref="NetworkStartup"/> before the
/// server accepts calls; read by every service.
/// </summary>
public sealed class LoadedNetwork
{
    private volatile CorridorQueries? _queries;

    /// <summary>The queries over the loaded network; UNAVAILABLE before it is loaded.</summary>
    public CorridorQueries Queries => _queries ?? throw new RpcException(new Status(StatusCode.Unavailable, "the network is not loaded yet"));

    public bool IsLoaded => _queries is not null;

    public CorridorNetwork Network => Queries.Network;

    /// <summary>Content version of the network files.</summary>
    public string Version => Queries.NetworkVersion;

    internal void Set(CorridorQueries queries)
    {
        ArgumentNullException.ThrowIfNull(queries);
        _queries = queries;
    }
}
