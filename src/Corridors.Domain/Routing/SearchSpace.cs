using Corridors.Domain.Network;

namespace Corridors.Domain.Routing;

/// <summary>
/// The constraints compiled against a graph for one query: which links, places and directed edges may be used.
/// Immutable: a space without the query's own avoid lists is shared by every query of its overlay, corridor and
/// date epoch (see <see cref="SearchSpaceCache"/>).
/// </summary>
internal sealed class SearchSpace
{
    private SearchSpace(bool[] linkAllowed, bool[] nodeAllowed, bool[] edgeAllowed, int maxBorderCrossings)
    {
        LinkAllowed = linkAllowed;
        NodeAllowed = nodeAllowed;
        EdgeAllowed = edgeAllowed;
        MaxBorderCrossings = maxBorderCrossings;
    }

    public bool[] LinkAllowed { get; }

    public bool[] NodeAllowed { get; }

    /// <summary>Per directed edge: its link and both its places are allowed (what a search checks on every relaxation).</summary>
    public bool[] EdgeAllowed { get; }

    /// <summary><see cref="int.MaxValue"/> when uncapped.</summary>
    public int MaxBorderCrossings { get; }

    /// <summary>The paths found in this space, for a space shared by <see cref="SearchSpaceCache"/>; null for one query's own.</summary>
    public SearchPathMemo? Paths { get; private init; }

    public bool IsCapped => MaxBorderCrossings != int.MaxValue;

    /// <summary>
    /// The space of a query: from the overlay's <see cref="SearchSpaceCache"/> when only the corridor, the date and
    /// planned links shape it (the common case: a comparison asks this for every corridor), else compiled.
    /// </summary>
    /// <param name="ignoreDates">Diagnosis only: treat every link that is not closed as open, whatever its dates.</param>
    /// <param name="overlay">The scenario's closures and openings (the baseline overlay has none).</param>
    /// <param name="ignoreClosures">Diagnosis only: ignore the scenario's closures.</param>
    /// <param name="ends">
    /// The query's origin and destination nodes. On a maritime corridor a seaport end is reached by sea: its land
    /// links are left out, so the route cannot sail to another port and finish by rail or road; between two seaports
    /// the route is by sea all the way (no rail between two ports on the way).
    /// </param>
    public static SearchSpace Compile(
        RoutingGraph graph, RouteConstraints constraints, Scenarios.ScenarioOverlay overlay, (int Origin, int Destination) ends, bool ignoreDates = false, bool ignoreClosures = false)
    {
        bool shared = !ignoreDates && !ignoreClosures
                      && constraints.AvoidCountries.Count == 0 && constraints.AvoidModes.Count == 0
                      && constraints.AvoidPlaces.Count == 0 && constraints.AvoidLinks.Count == 0
                      && !HasSeaEnd(graph, CorridorOf(graph, constraints), ends)
                      && (constraints.Corridor is null || graph.CorridorIndex.ContainsKey(constraints.Corridor.Value));
        return shared
            ? overlay.SearchSpaces.Get(graph, overlay, constraints, ends).WithCap(constraints.MaxBorderCrossings)
            : CompileUncached(graph, constraints, overlay, ends, ignoreDates, ignoreClosures);
    }

    /// <summary>The space compiled from the constraints, never from the cache (what the cache stores; the tests' oracle).</summary>
    internal static SearchSpace CompileUncached(
        RoutingGraph graph, RouteConstraints constraints, Scenarios.ScenarioOverlay overlay, (int Origin, int Destination) ends, bool ignoreDates = false, bool ignoreClosures = false)
    {
        DateOnly asOf = constraints.AsOf ?? throw new InvalidOperationException("The router sets AsOf before compiling.");
        CorridorNetwork network = graph.Network;
        var avoidCountry = new bool[graph.CountryIndex.Count];
        foreach (string code in constraints.AvoidCountries)
        {
            if (graph.CountryIndex.TryGetValue(code, out int index))
            {
                avoidCountry[index] = true;
            }
        }

        int corridor = CorridorOf(graph, constraints);
        bool restricted = constraints.Corridor is not null;
        (int seaOrigin, int seaDestination) = SeaEnds(graph, corridor, ends);
        bool portToPort = seaOrigin >= 0 && seaDestination >= 0; // both ends seaports: by sea all the way
        var linkAllowed = new bool[network.Links.Count];
        for (int l = 0; l < linkAllowed.Length; l++)
        {
            bool touchesSeaEnd = graph.LinkFromNode[l] == seaOrigin || graph.LinkToNode[l] == seaOrigin
                                 || graph.LinkFromNode[l] == seaDestination || graph.LinkToNode[l] == seaDestination;
            linkAllowed[l] =
                (!restricted || graph.LinkIsAccess[l] || Array.IndexOf(graph.LinkCorridors[l], corridor) >= 0)
                && ((!touchesSeaEnd && !portToPort) || graph.LinkIsWater[l])
                && (constraints.AvoidModes.Count == 0 || !constraints.AvoidModes.Contains(graph.LinkMode[l]))
                && !AnyAvoided(graph.LinkCountries[l], avoidCountry)
                && (constraints.AvoidLinks.Count == 0 || !constraints.AvoidLinks.Contains(network.Links[l].Id))
                && overlay.IsLinkUsable(l, asOf, constraints.IncludePlanned, ignoreDates, ignoreClosures);
        }

        var nodeAllowed = new bool[network.Places.Count];
        for (int n = 0; n < nodeAllowed.Length; n++)
        {
            nodeAllowed[n] = !avoidCountry[graph.NodeCountry[n]]
                             && (ignoreClosures || !overlay.IsPlaceClosed(n, asOf))
                             && (constraints.AvoidPlaces.Count == 0 || !constraints.AvoidPlaces.Contains(network.Places[n].Id));
        }

        var edgeAllowed = new bool[graph.EdgeCount];
        for (int e = 0; e < edgeAllowed.Length; e++)
        {
            edgeAllowed[e] = linkAllowed[graph.EdgeLinkIndex(e)] && nodeAllowed[graph.EdgeFrom(e)] && nodeAllowed[graph.EdgeTo(e)];
        }

        return new SearchSpace(linkAllowed, nodeAllowed, edgeAllowed, constraints.MaxBorderCrossings ?? int.MaxValue);
    }

    /// <summary>This space, uncapped, remembering the paths found in it (what the cache shares).</summary>
    public SearchSpace Shared() => new(LinkAllowed, NodeAllowed, EdgeAllowed, int.MaxValue) { Paths = new SearchPathMemo() };

    /// <summary>
    /// This space with another border-crossing cap (the arrays are shared: they do not depend on it; the paths do, so a
    /// capped copy remembers none).
    /// </summary>
    public SearchSpace WithCap(int? maxBorderCrossings)
    {
        int cap = maxBorderCrossings ?? int.MaxValue;
        return cap == MaxBorderCrossings ? this : new SearchSpace(LinkAllowed, NodeAllowed, EdgeAllowed, cap);
    }

    /// <summary>Index of the constraints' corridor, -1 for none or one the graph does not know.</summary>
    private static int CorridorOf(RoutingGraph graph, RouteConstraints constraints) =>
        constraints.Corridor is { } id ? graph.CorridorIndex.GetValueOrDefault(id, -1) : -1;

    private static (int SeaOrigin, int SeaDestination) SeaEnds(RoutingGraph graph, int corridor, (int Origin, int Destination) ends)
    {
        bool maritime = corridor >= 0 && graph.CorridorIsMaritime[corridor];
        return (maritime && graph.NodeKind[ends.Origin] == PlaceKind.Seaport ? ends.Origin : -1,
                maritime && graph.NodeKind[ends.Destination] == PlaceKind.Seaport ? ends.Destination : -1);
    }

    private static bool HasSeaEnd(RoutingGraph graph, int corridor, (int Origin, int Destination) ends)
    {
        (int seaOrigin, int seaDestination) = SeaEnds(graph, corridor, ends);
        return seaOrigin >= 0 || seaDestination >= 0;
    }

    private static bool AnyAvoided(int[] countries, bool[] avoided)
    {
        foreach (int country in countries)
        {
            if (avoided[country])
            {
                return true;
            }
        }

        return false;
    }
}
