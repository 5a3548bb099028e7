namespace Corridors.Domain.Routing;

/// <summary>
/// A cost evaluated once on every edge and transition of the graph and kept in flat arrays, so that a search reads
/// an array where it called the cost through an interface (the fastest objective worked out which dwells a
/// transition triggers on every relaxation). Equal to its source on every call whose node is the place where the
/// edges meet, bit for bit: the values are the source's own. Immutable, shared by queries.
/// </summary>
internal sealed class TransitionCostTable : IRouteCost
{
    private readonly RoutingGraph _graph;
    private readonly double[] _edge;       // per edge
    private readonly double[] _start;      // per edge: from no edge at its tail onto it
    private readonly double[] _end;        // per edge: from it to no edge at its head
    private readonly double[] _alone;      // per node: no edge in, no edge out
    private readonly double[] _transition; // per transition (RoutingGraph.TransitionIndex)

    private TransitionCostTable(RoutingGraph graph, double[] edge, double[] start, double[] end, double[] alone, double[] transition)
    {
        _graph = graph;
        _edge = edge;
        _start = start;
        _end = end;
        _alone = alone;
        _transition = transition;
    }

    /// <summary>The table of <paramref name="cost"/> on <paramref name="graph"/> (evaluates it about 2,500 times on the real network).</summary>
    public static TransitionCostTable Of(RoutingGraph graph, IRouteCost cost)
    {
        var edge = new double[graph.EdgeCount];
        var start = new double[graph.EdgeCount];
        var end = new double[graph.EdgeCount];
        var transition = new double[graph.TransitionCount];
        for (int e = 0; e < graph.EdgeCount; e++)
        {
            int head = graph.EdgeTo(e);
            edge[e] = cost.EdgeCost(e);
            start[e] = cost.TransitionCost(DwellRules.NoEdge, graph.EdgeFrom(e), e);
            end[e] = cost.TransitionCost(e, head, DwellRules.NoEdge);
            for (int f = graph.FirstEdge(head); f < graph.EndEdge(head); f++)
            {
                transition[graph.TransitionIndex(e, f)] = cost.TransitionCost(e, head, f);
            }
        }

        var alone = new double[graph.NodeCount];
        for (int n = 0; n < alone.Length; n++)
        {
            alone[n] = cost.TransitionCost(DwellRules.NoEdge, n, DwellRules.NoEdge);
        }

        return new TransitionCostTable(graph, edge, start, end, alone, transition);
    }

    public double EdgeCost(int edge) => _edge[edge];

    public double TransitionCost(int inEdge, int node, int outEdge) =>
        inEdge == DwellRules.NoEdge
            ? outEdge == DwellRules.NoEdge ? _alone[node] : _start[outEdge]
            : outEdge == DwellRules.NoEdge ? _end[inEdge] : _transition[_graph.TransitionIndex(inEdge, outEdge)];

    /// <summary>The transition between two edges (neither <see cref="DwellRules.NoEdge"/>; <paramref name="outEdge"/> leaves the head of <paramref name="inEdge"/>).</summary>
    public double TurnCost(int inEdge, int outEdge) => _transition[_graph.TransitionIndex(inEdge, outEdge)];
}
