using System.Collections.Concurrent;
using Corridors.Domain.Dates;

namespace Corridors.Domain.Routing;

/// <summary>
/// The search spaces of one overlay that depend only on the corridor, on whether planned links are allowed and on
/// the as-of date, kept per date epoch: which links and places are usable changes only on the days links open or
/// close and the overlay's closures start or end (<see cref="Scenarios.ScenarioOverlay.UsabilityEpochs"/>), so every
/// date of an epoch has the same space. A comparison asks for one per corridor on every call; compiling them was a
/// fifth of its time. Queries with their own avoid lists, a seaport end on a maritime corridor or diagnosis
/// relaxations are compiled as before, never stored.
/// </summary>
/// <remarks>
/// Bounded by construction: at most (corridors + 1) × 2 × epochs spaces (the real network: 6 × 2 × about 20, some
/// 1 KB each, and up to <see cref="SearchPathMemo.MaxPaths"/> paths of some 150 bytes each that were found in it),
/// created on first use, never evicted, released with the overlay. Thread-safe; two threads asking for the
/// same missing space may both compile it, equal results, and one is kept.
/// </remarks>
internal sealed class SearchSpaceCache(DateEpochs epochs)
{
    private readonly ConcurrentDictionary<Key, SearchSpace> _spaces = new();

    /// <summary>The uncapped space of the constraints' corridor (known to the graph, or none), planned-links flag and as-of date.</summary>
    public SearchSpace Get(RoutingGraph graph, Scenarios.ScenarioOverlay overlay, RouteConstraints constraints, (int Origin, int Destination) ends)
    {
        DateOnly asOf = constraints.AsOf ?? throw new InvalidOperationException("The router sets AsOf before compiling.");
        var key = new Key(
            constraints.Corridor is { } corridor ? graph.CorridorIndex[corridor] : -1,
            constraints.IncludePlanned,
            epochs.EpochOf(asOf));
        if (_spaces.TryGetValue(key, out SearchSpace? space))
        {
            return space;
        }

        SearchSpace compiled = SearchSpace.CompileUncached(graph, constraints, overlay, ends).Shared();
        return _spaces.GetOrAdd(key, compiled);
    }

    private readonly record struct Key(int Corridor, bool IncludePlanned, int Epoch);
}
