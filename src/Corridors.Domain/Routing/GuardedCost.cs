namespace Corridors.Domain.Routing;

/// <summary>
/// An objective's cost with the edges and transitions of a guard that are +∞ forbidden (the guard's finite values
/// are ignored). Used for "allowed only": the guard is the sanction cost with prohibited edges forbidden.
/// </summary>
internal sealed class GuardedCost(IRouteCost objective, IRouteCost guard) : IRouteCost
{
    public double EdgeCost(int edge) =>
        double.IsPositiveInfinity(guard.EdgeCost(edge)) ? double.PositiveInfinity : objective.EdgeCost(edge);

    public double TransitionCost(int inEdge, int node, int outEdge) =>
        double.IsPositiveInfinity(guard.TransitionCost(inEdge, node, outEdge)) ? double.PositiveInfinity : objective.TransitionCost(inEdge, node, outEdge);
}
