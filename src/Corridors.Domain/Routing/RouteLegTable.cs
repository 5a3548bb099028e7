using Corridors.Domain.Network;
using Corridors.Domain.Scenarios;
using Corridors.Domain.TransitTime;

namespace Corridors.Domain.Routing;

/// <summary>
/// The legs of an overlay's routes, built once per way of travelling an edge and shared by every route that travels
/// it so: a leg depends only on its edge, the edge it follows (which dwells its start triggers) and whether it is the
/// last (the destination's dwells), under the overlay's speeds and dwells. Legs are immutable records, so sharing is
/// invisible to callers; building them for every route was a third of what a comparison allocated.
/// </summary>
/// <remarks>
/// Bounded by the graph: one slot per edge and per transition, twice (not last, last): about 32 KB of references on
/// the real network, allocated with the overlay, filled on first use, never evicted. Thread-safe: two threads building
/// the same missing leg build equal legs and one is kept, so every route sees the same instance.
/// </remarks>
internal sealed class RouteLegTable
{
    private readonly RoutingGraph _graph;
    private readonly ScenarioOverlay _overlay;
    private readonly RouteLeg?[] _first;     // per edge: leaving the origin
    private readonly RouteLeg?[] _only;      // per edge: leaving the origin and arriving at the destination
    private readonly RouteLeg?[] _next;      // per transition: after another leg
    private readonly RouteLeg?[] _nextLast;  // per transition: after another leg, arriving at the destination

    public RouteLegTable(RoutingGraph graph, ScenarioOverlay overlay)
    {
        _graph = graph;
        _overlay = overlay;
        _first = new RouteLeg?[graph.EdgeCount];
        _only = new RouteLeg?[graph.EdgeCount];
        _next = new RouteLeg?[graph.TransitionCount];
        _nextLast = new RouteLeg?[graph.TransitionCount];
    }

    /// <summary>The leg over <paramref name="edge"/> after <paramref name="inEdge"/> (<see cref="DwellRules.NoEdge"/> at the origin).</summary>
    public RouteLeg Get(int inEdge, int edge, bool last)
    {
        (RouteLeg?[] slots, int slot) = inEdge == DwellRules.NoEdge
            ? (last ? _only : _first, edge)
            : (last ? _nextLast : _next, _graph.TransitionIndex(inEdge, edge));
        return Volatile.Read(ref slots[slot]) ?? Interlocked.CompareExchange(ref slots[slot], Build(inEdge, edge, last), null) ?? slots[slot]!;
    }

    /// <summary>Dwells at the leg's start (and, for the last leg, at the destination), the moving time of its link.</summary>
    private RouteLeg Build(int inEdge, int edge, bool last)
    {
        int node = _graph.EdgeFrom(edge);
        var dwells = new List<AppliedDwell>();
        AddApplied(dwells, node, DwellRules.Triggered(_graph, inEdge, node, edge));
        if (last)
        {
            int end = _graph.EdgeTo(edge);
            AddApplied(dwells, end, DwellRules.Triggered(_graph, edge, end, DwellRules.NoEdge));
        }

        Pert moving = _overlay.MovingHours(_graph.EdgeLinkIndex(edge));
        return new RouteLeg(_graph.NodePlace(node), _graph.NodePlace(_graph.EdgeTo(edge)), _graph.EdgeLink(edge), _graph.EdgeIsForward(edge), moving,
            dwells.Count == 0 ? [] : [.. dwells]);
    }

    private void AddApplied(List<AppliedDwell> target, int node, DwellSet triggered)
    {
        Place place = _graph.NodePlace(node);
        foreach (DwellSet flag in DwellRules.Flags(triggered))
        {
            if (_overlay.DwellOf(node, DwellRules.KindOf(flag)) is { } dwell)
            {
                target.Add(new AppliedDwell(place, dwell));
            }
        }
    }
}
