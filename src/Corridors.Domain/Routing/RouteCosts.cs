namespace Corridors.Domain.Routing;

/// <summary>
/// An additive, non-negative cost the search minimises: a cost per directed edge plus a cost per transition
/// (arriving on one edge and leaving on the next, or starting/ending at a place). New objectives (sanction risk,
/// CO2e, weighted generalised cost) implement this interface; the search does not change.
/// </summary>
public interface IRouteCost
{
    /// <summary>Cost of travelling the directed edge; +∞ forbids it.</summary>
    double EdgeCost(int edge);

    /// <summary>
    /// Cost at <paramref name="node"/> between <paramref name="inEdge"/> and <paramref name="outEdge"/>, either
    /// of which may be <see cref="DwellRules.NoEdge"/> at the start or end of the route.
    /// </summary>
    double TransitionCost(int inEdge, int node, int outEdge);
}

/// <summary>
/// A cost whose transitions are always zero: the search may then label nodes instead of edges (as Itinero does
/// for profiles without turn costs), which settles each place once instead of once per arriving edge.
/// </summary>
public interface ITransitionFreeCost : IRouteCost;

/// <summary>Shortest distance: kilometres of the links, nothing at places.</summary>
public sealed class DistanceCost(RoutingGraph graph) : ITransitionFreeCost
{
    public double EdgeCost(int edge) => graph.LinkDistanceKm[graph.EdgeLinkIndex(edge)];

    public double TransitionCost(int inEdge, int node, int outEdge) => 0;
}

/// <summary>
/// Fastest: median hours of moving time plus the dwells the transition triggers. The sum along a route is the
/// route's P50 in hours (see <see cref="TransitTime.TransitDistribution"/>).
/// </summary>
public sealed class TransitTimeCost(RoutingGraph graph, Scenarios.ScenarioOverlay overlay) : IRouteCost
{
    public double EdgeCost(int edge) => overlay.MovingHours(graph.EdgeLinkIndex(edge)).P50;

    public double TransitionCost(int inEdge, int node, int outEdge) =>
        overlay.DwellHours(node, DwellRules.Triggered(graph, inEdge, node, outEdge)).P50;
}
