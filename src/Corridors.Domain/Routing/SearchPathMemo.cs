using System.Collections.Concurrent;

namespace Corridors.Domain.Routing;

/// <summary>
/// The paths found in one shared <see cref="SearchSpace"/> (an overlay's corridor on a date epoch), by objective and
/// ends: what a search in that space returns depends on nothing else when its cost is the overlay's fastest table or
/// plain distance, so the second query for a pair on any day of the epoch, for any shipper, payload or mask, takes the
/// path found for the first and only builds its route. A lazy form of precomputing each corridor's search tree per
/// date epoch, exact by construction: the memo holds what the search returned (no path included).
/// </summary>
/// <remarks>
/// Bounded: at most <see cref="MaxPaths"/> per space (a path is its edge indices, some 100 bytes), emptied when full;
/// released with the space, so with its overlay. Thread-safe; two threads searching the same missing pair both search,
/// with equal results.
/// </remarks>
internal sealed class SearchPathMemo
{
    public const int MaxPaths = 1024;

    private readonly ConcurrentDictionary<Key, SearchPath?> _paths = new();

    public int Count => _paths.Count;

    public bool TryGet(Objective objective, int origin, int destination, out SearchPath? path) =>
        _paths.TryGetValue(new Key(objective, origin, destination), out path);

    public void Add(Objective objective, int origin, int destination, SearchPath? path)
    {
        if (_paths.Count >= MaxPaths)
        {
            _paths.Clear();
        }

        _paths.TryAdd(new Key(objective, origin, destination), path);
    }

    /// <summary>Whether a search for this objective, with or without the allowed-only guard, may be kept.</summary>
    public static bool Keeps(Objective objective, bool allowedOnly) =>
        !allowedOnly && objective is Objective.Fastest or Objective.ShortestDistance;

    private readonly record struct Key(Objective Objective, int Origin, int Destination);
}
