using Corridors.Domain.Network;
using Corridors.Domain.TransitTime;

namespace Corridors.Domain.Routing;

/// <summary>
/// The network compiled once into compact arrays (compressed sparse rows of directed edges), immutable and shared
/// by every query. Node index = position of the place in <see cref="CorridorNetwork.Places"/>; each link gives a
/// forward edge and, unless one-way, a backward edge. Outgoing edges of a node are ordered by link id then
/// direction, which fixes the order in which searches relax them and so breaks ties deterministically.
/// </summary>
public sealed class RoutingGraph
{
    private readonly int[] _firstEdge;   // CSR offsets: edges of node n are [_firstEdge[n], _firstEdge[n+1])
    private readonly int[] _edgeFrom;
    private readonly int[] _edgeTo;
    private readonly int[] _edgeLink;    // index into Network.Links
    private readonly bool[] _edgeForward;
    private readonly int[] _edgeReverse; // the opposite edge of the same link, or -1
    private readonly int[] _transitionOffset; // transition (e, f) is _transitionOffset[e] + f
    private readonly Dictionary<PlaceId, int> _nodeOf;
    private readonly Dictionary<LinkId, int> _linkIndexOf;

    public RoutingGraph(CorridorNetwork network)
    {
        ArgumentNullException.ThrowIfNull(network);
        Network = network;
        NodeCount = network.Places.Count;
        _nodeOf = new Dictionary<PlaceId, int>(NodeCount);
        for (int i = 0; i < NodeCount; i++)
        {
            _nodeOf.Add(network.Places[i].Id, i);
        }

        _linkIndexOf = new Dictionary<LinkId, int>(network.Links.Count);
        var edges = new List<(int From, int To, int Link, bool Forward)>(network.Links.Count * 2);
        for (int l = 0; l < network.Links.Count; l++)
        {
            Link link = network.Links[l];
            _linkIndexOf.Add(link.Id, l);
            int from = _nodeOf[link.From];
            int to = _nodeOf[link.To];
            edges.Add((from, to, l, true));
            if (!link.OneWay)
            {
                edges.Add((to, from, l, false));
            }
        }

        // Links are already ordered by id; a stable sort by source node keeps that order within a node.
        var ordered = edges.Select((e, i) => (e, i)).OrderBy(x => x.e.From).ThenBy(x => x.i).Select(x => x.e).ToArray();
        EdgeCount = ordered.Length;
        _firstEdge = new int[NodeCount + 1];
        _edgeFrom = new int[EdgeCount];
        _edgeTo = new int[EdgeCount];
        _edgeLink = new int[EdgeCount];
        _edgeForward = new bool[EdgeCount];
        _edgeReverse = new int[EdgeCount];
        for (int e = 0; e < EdgeCount; e++)
        {
            (_edgeFrom[e], _edgeTo[e], _edgeLink[e], _edgeForward[e]) = ordered[e];
            _firstEdge[_edgeFrom[e] + 1]++;
        }

        for (int n = 0; n < NodeCount; n++)
        {
            _firstEdge[n + 1] += _firstEdge[n];
        }

        var byLinkDirection = new Dictionary<(int Link, bool Forward), int>(EdgeCount);
        for (int e = 0; e < EdgeCount; e++)
        {
            byLinkDirection[(_edgeLink[e], _edgeForward[e])] = e;
        }

        for (int e = 0; e < EdgeCount; e++)
        {
            _edgeReverse[e] = byLinkDirection.TryGetValue((_edgeLink[e], !_edgeForward[e]), out int r) ? r : -1;
        }

        // A transition is an edge followed by one of the edges leaving its head: numbered edge by edge, in the order
        // of the head's outgoing edges, so a search that relaxes them in that order reads its costs consecutively.
        _transitionOffset = new int[EdgeCount];
        int transitions = 0;
        for (int e = 0; e < EdgeCount; e++)
        {
            int head = _edgeTo[e];
            _transitionOffset[e] = transitions - _firstEdge[head];
            transitions += _firstEdge[head + 1] - _firstEdge[head];
        }

        TransitionCount = transitions;

        int linkCount = network.Links.Count;
        LinkMovingHours = new Pert[linkCount];
        LinkDistanceKm = new double[linkCount];
        LinkMode = new TransportMode[linkCount];
        LinkGaugeMm = new int[linkCount];
        LinkIsWater = new bool[linkCount];
        LinkCrossesBorder = new bool[linkCount];
        LinkIsAccess = new bool[linkCount];
        LinkCountries = new int[linkCount][];
        LinkCorridors = new int[linkCount][];
        var countryIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        int CountryIndexOf(string code)
        {
            if (!countryIndex.TryGetValue(code, out int index))
            {
                index = countryIndex.Count;
                countryIndex.Add(code, index);
            }

            return index;
        }

        var corridorIndex = network.Corridors.Select((c, i) => (c.Id, i)).ToDictionary(x => x.Id, x => x.i);
        for (int l = 0; l < linkCount; l++)
        {
            Link link = network.Links[l];
            LinkMovingHours[l] = Pert.Of(link.MovingHours());
            LinkDistanceKm[l] = link.DistanceKm.Value;
            LinkMode[l] = link.Mode;
            LinkGaugeMm[l] = link.GaugeMm ?? 0;
            LinkIsWater[l] = link.IsWater;
            LinkCrossesBorder[l] = link.CrossesBorder;
            LinkIsAccess[l] = link.IsAccess;
            LinkCountries[l] = [.. link.Countries.Select(CountryIndexOf)];
            LinkCorridors[l] = [.. link.Corridors.Where(corridorIndex.ContainsKey).Select(c => corridorIndex[c])];
        }

        NodeKind = [.. network.Places.Select(p => p.Kind)];
        NodeCountry = [.. network.Places.Select(p => CountryIndexOf(p.CountryCode))];
        CountryIndex = countryIndex;
        CorridorIndex = corridorIndex;
        CorridorIsMaritime = new bool[network.Corridors.Count];
        for (int c = 0; c < CorridorIsMaritime.Length; c++)
        {
            int own = c;
            var links = Enumerable.Range(0, linkCount).Where(l => Array.IndexOf(LinkCorridors[l], own) >= 0).ToList();
            CorridorIsMaritime[c] = links.Count > 0 && links.All(l => LinkMode[l] == TransportMode.Sea);
        }

        CountryCodes = new string[countryIndex.Count];
        foreach ((string code, int index) in countryIndex)
        {
            CountryCodes[index] = code;
        }

        CountriesByCode = [.. Enumerable.Range(0, CountryCodes.Length).OrderBy(c => CountryCodes[c], StringComparer.Ordinal)];
        LinkCorridorIds = [.. network.Links.SelectMany(l => l.Corridors).Distinct().OrderBy(c => c.Value, StringComparer.Ordinal)];
        var corridorIdIndex = LinkCorridorIds.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => x.i);
        LinkCorridorIdIndices = [.. network.Links.Select(l => l.Corridors.Select(c => corridorIdIndex[c]).ToArray())];
        GaugeBreaks = new bool[TransitionCount];
        for (int e = 0; e < EdgeCount; e++)
        {
            int head = _edgeTo[e];
            for (int f = _firstEdge[head]; f < _firstEdge[head + 1]; f++)
            {
                GaugeBreaks[TransitionIndex(e, f)] = (DwellRules.Triggered(this, e, head, f) & DwellSet.GaugeBreak) != 0;
            }
        }

        LinkFromNode = [.. network.Links.Select(l => _nodeOf[l.From])];
        LinkToNode = [.. network.Links.Select(l => _nodeOf[l.To])];
        Dwells = new NodeDwells(network);
    }

    public CorridorNetwork Network { get; }

    public int NodeCount { get; }

    public int EdgeCount { get; }

    /// <summary>Number of transitions: pairs of an edge and an edge leaving its head (U-turns included).</summary>
    internal int TransitionCount { get; }

    /// <summary>PERT moving time of each link in hours, indexed like <see cref="CorridorNetwork.Links"/>.</summary>
    internal Pert[] LinkMovingHours { get; }

    /// <summary>Dwell estimates per node and kind.</summary>
    internal NodeDwells Dwells { get; }

    // Per-link and per-node attributes as flat arrays, so the search's hot path reads no records.
    internal double[] LinkDistanceKm { get; }

    internal TransportMode[] LinkMode { get; }

    /// <summary>Gauge in mm, 0 for non-rail links.</summary>
    internal int[] LinkGaugeMm { get; }

    internal bool[] LinkIsWater { get; }

    internal bool[] LinkCrossesBorder { get; }

    internal bool[] LinkIsAccess { get; }

    /// <summary>Indices (see <see cref="CountryIndex"/>) of the countries each link crosses.</summary>
    internal int[][] LinkCountries { get; }

    /// <summary>Indices (see <see cref="CorridorIndex"/>) of the corridors each link belongs to.</summary>
    internal int[][] LinkCorridors { get; }

    internal PlaceKind[] NodeKind { get; }

    internal int[] NodeCountry { get; }

    /// <summary>Dense index of every country code that appears in the network.</summary>
    internal IReadOnlyDictionary<string, int> CountryIndex { get; }

    /// <summary>The code of each country index (inverse of <see cref="CountryIndex"/>).</summary>
    internal string[] CountryCodes { get; }

    /// <summary>Country indices in ordinal order of their codes (the order of <see cref="Route.Countries"/>).</summary>
    internal int[] CountriesByCode { get; }

    /// <summary>Every corridor id any link names (access included), in ordinal order (the order of <see cref="Route.CorridorsUsed"/>).</summary>
    internal CorridorId[] LinkCorridorIds { get; }

    /// <summary>Per link: indices into <see cref="LinkCorridorIds"/> of the corridor ids it names.</summary>
    internal int[][] LinkCorridorIdIndices { get; }

    /// <summary>Per transition: whether changing from the one edge to the other breaks gauge (see <see cref="DwellRules"/>).</summary>
    internal bool[] GaugeBreaks { get; }

    /// <summary>Dense index of the registry's corridors.</summary>
    internal IReadOnlyDictionary<CorridorId, int> CorridorIndex { get; }

    /// <summary>Per corridor index: true when every one of its own links is a sea lane (the maritime corridors).</summary>
    internal bool[] CorridorIsMaritime { get; }

    /// <summary>Node of each link's <c>from</c> place.</summary>
    internal int[] LinkFromNode { get; }

    /// <summary>Node of each link's <c>to</c> place.</summary>
    internal int[] LinkToNode { get; }

    public int FirstEdge(int node) => _firstEdge[node];

    public int EndEdge(int node) => _firstEdge[node + 1];

    public int EdgeFrom(int edge) => _edgeFrom[edge];

    public int EdgeTo(int edge) => _edgeTo[edge];

    public int EdgeLinkIndex(int edge) => _edgeLink[edge];

    public bool EdgeIsForward(int edge) => _edgeForward[edge];

    public int EdgeReverse(int edge) => _edgeReverse[edge];

    /// <summary>
    /// Dense index of the transition from <paramref name="inEdge"/> to <paramref name="outEdge"/>, which must leave
    /// the head of <paramref name="inEdge"/>; in [0, <see cref="TransitionCount"/>).
    /// </summary>
    internal int TransitionIndex(int inEdge, int outEdge) => _transitionOffset[inEdge] + outEdge;

    public Link EdgeLink(int edge) => Network.Links[_edgeLink[edge]];

    public Place NodePlace(int node) => Network.Places[node];

    public bool TryGetNode(PlaceId id, out int node) => _nodeOf.TryGetValue(id, out node);

    public int NodeOf(PlaceId id) => _nodeOf[id];

    public bool TryGetLinkIndex(LinkId id, out int linkIndex) => _linkIndexOf.TryGetValue(id, out linkIndex);

    /// <summary>The edge of the link in the given direction, or -1 (one-way link travelled backwards).</summary>
    public int EdgeOfLink(int linkIndex, bool forward)
    {
        Link link = Network.Links[linkIndex];
        int from = _nodeOf[forward ? link.From : link.To];
        for (int e = _firstEdge[from]; e < _firstEdge[from + 1]; e++)
        {
            if (_edgeLink[e] == linkIndex && _edgeForward[e] == forward)
            {
                return e;
            }
        }

        return -1;
    }
}
