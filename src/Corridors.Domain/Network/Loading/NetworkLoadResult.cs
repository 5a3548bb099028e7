using System.Diagnostics.CodeAnalysis;
using Corridors.Domain.Network.Validation;

namespace Corridors.Domain.Network.Loading;

/// <summary>
/// Either a valid <see cref="CorridorNetwork"/> or every problem found, never both: a network with any problem is
/// not returned.
/// </summary>
public sealed class NetworkLoadResult
{
    private NetworkLoadResult(CorridorNetwork? network, IReadOnlyList<NetworkProblem> problems)
    {
        Network = network;
        Problems = problems;
    }

    /// <summary>The network; null when there are problems.</summary>
    public CorridorNetwork? Network { get; }

    /// <summary>All problems, in file order; empty when the network is valid.</summary>
    public IReadOnlyList<NetworkProblem> Problems { get; }

    [MemberNotNullWhen(true, nameof(Network))]
    public bool IsValid => Network is not null;

    public static NetworkLoadResult Valid(CorridorNetwork network)
    {
        ArgumentNullException.ThrowIfNull(network);
        return new NetworkLoadResult(network, []);
    }

    public static NetworkLoadResult Invalid(IReadOnlyList<NetworkProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        if (problems.Count == 0)
        {
            throw new ArgumentException("An invalid result needs at least one problem.", nameof(problems));
        }

        return new NetworkLoadResult(null, problems);
    }
}
