using Corridors.Domain.Routing;

namespace Corridors.Domain.Tests.Risk;

/// <summary>Sums an <see cref="IRouteCost"/> along a route the way the searches do (transition at every place, edge per leg).</summary>
internal static class RouteCostSum
{
    public static double Of(RoutingGraph graph, Route route, IRouteCost cost)
    {
        var edges = new List<int>();
        foreach (RouteLeg leg in route.Legs)
        {
            Assert.True(graph.TryGetLinkIndex(leg.Link.Id, out int linkIndex));
            edges.Add(graph.EdgeOfLink(linkIndex, leg.Forward));
        }

        double total = 0;
        int inEdge = DwellRules.NoEdge;
        foreach (int edge in edges)
        {
            total += cost.TransitionCost(inEdge, graph.EdgeFrom(edge), edge) + cost.EdgeCost(edge);
            inEdge = edge;
        }

        return total + cost.TransitionCost(inEdge, graph.EdgeTo(inEdge), DwellRules.NoEdge);
    }
}
