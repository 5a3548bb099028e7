using Corridors.Domain.Network;

namespace Corridors.Domain.Routing;

/// <summary>
/// Hard constraints of a query. A returned route never violates one; when none can be met the result names the
/// constraint that made the query infeasible (see <see cref="RouteOutcome"/>). Nothing is relaxed silently.
/// </summary>
public sealed record RouteConstraints
{
    /// <summary>Restrict to one corridor's links plus the access networks; the route must use the corridor's own links.</summary>
    public CorridorId? Corridor { get; init; }

    /// <summary>ISO 3166-1 alpha-2 codes of countries the route must not enter (territory or territorial waters).</summary>
    public IReadOnlySet<string> AvoidCountries { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    public IReadOnlySet<TransportMode> AvoidModes { get; init; } = new HashSet<TransportMode>();

    /// <summary>Places (including chokepoints such as <c>bab-el-mandeb</c>, <c>suez</c>) the route must not touch.</summary>
    public IReadOnlySet<PlaceId> AvoidPlaces { get; init; } = new HashSet<PlaceId>();

    public IReadOnlySet<LinkId> AvoidLinks { get; init; } = new HashSet<LinkId>();

    /// <summary>Maximum number of land border crossings, or null for no cap.</summary>
    public int? MaxBorderCrossings { get; init; }

    /// <summary>Links not open on this date (or closed by it) are unusable; null means today by the router's clock.</summary>
    public DateOnly? AsOf { get; init; }

    /// <summary>Allow links under construction or planned (their opening date is then ignored).</summary>
    public bool IncludePlanned { get; init; }

    /// <summary>Highest acceptable sanction risk score (0–100), or null for no cap.</summary>
    public double? MaxRiskScore { get; init; }

    /// <summary>Only routes no applicable measure prohibits for the shipper's perspective.</summary>
    public bool AllowedOnly { get; init; }

    /// <summary>True when the query carries any avoid-list or crossing cap (the user's own constraints).</summary>
    public bool HasUserConstraints =>
        AvoidCountries.Count > 0 || AvoidModes.Count > 0 || AvoidPlaces.Count > 0 || AvoidLinks.Count > 0
        || MaxBorderCrossings is not null || MaxRiskScore is not null || AllowedOnly;
}

/// <summary>
/// The constraints compiled against a graph for one query: which links and nodes may be used.
/// </summary>
internal sealed class SearchSpace
{
    private SearchSpace(RoutingGraph graph, bool[] linkAllowed, bool[] nodeAllowed, int maxBorderCrossings)
    {
        LinkAllowed = linkAllowed;
        NodeAllowed = nodeAllowed;
        MaxBorderCrossings = maxBorderCrossings;
        EdgeAllowed = new bool[graph.EdgeCount];
        for (int e = 0; e < EdgeAllowed.Length; e++)
        {
            EdgeAllowed[e] = linkAllowed[graph.EdgeLinkIndex(e)] && nodeAllowed[graph.EdgeFrom(e)] && nodeAllowed[graph.EdgeTo(e)];
        }
    }

    public bool[] LinkAllowed { get; }

    public bool[] NodeAllowed { get; }

    /// <summary>Per directed edge: its link and both its places are allowed (what a search checks on every relaxation).</summary>
    public bool[] EdgeAllowed { get; }

    /// <summary><see cref="int.MaxValue"/> when uncapped.</summary>
    public int MaxBorderCrossings { get; }

    public bool IsCapped => MaxBorderCrossings != int.MaxValue;

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

        int corridor = constraints.Corridor is { } id ? graph.CorridorIndex.GetValueOrDefault(id, -1) : -1;
        bool restricted = constraints.Corridor is not null;
        bool maritime = corridor >= 0 && graph.CorridorIsMaritime[corridor];
        int seaOrigin = maritime && graph.NodeKind[ends.Origin] == PlaceKind.Seaport ? ends.Origin : -1;
        int seaDestination = maritime && graph.NodeKind[ends.Destination] == PlaceKind.Seaport ? ends.Destination : -1;
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

        return new SearchSpace(graph, linkAllowed, nodeAllowed, constraints.MaxBorderCrossings ?? int.MaxValue);
    }
}
