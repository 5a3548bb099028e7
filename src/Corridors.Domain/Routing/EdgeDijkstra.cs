namespace Corridors.Domain.Routing;

/// <summary>A path as directed edges, with its total cost under the objective that found it.</summary>
internal sealed record SearchPath(int[] Edges, double Cost);

/// <summary>Where a search starts: the origin node, or (for Yen's spur paths) a node reached over a given edge.</summary>
internal readonly record struct SearchStart(int Node, int InEdge, double Cost, int BorderCrossings)
{
    public static SearchStart AtOrigin(int node) => new(node, DwellRules.NoEdge, 0, 0);
}

/// <summary>
/// Edge-based Dijkstra: labels sit on directed edges (the edge a route arrived by) so that transition costs
/// (dwells at gauge breaks, ports, ferries) depend on the previous edge, as Itinero does for turn costs. With a
/// border-crossing cap the label also carries the crossings used (a resource-constrained search over
/// edge × crossings). Its arrays come from a <see cref="SearchWorkspace"/> the caller holds for the search's
/// duration: create one instance per query, never share it.
/// </summary>
/// <remarks>
/// Ties are broken by state index, and states are ordered by the graph's deterministic edge order, so the same query
/// always returns the same path. Immediate U-turns onto the same link are not expanded; routes end at their first
/// arrival at the destination and never pass back through the origin.
/// </remarks>
internal sealed class EdgeDijkstra
{
    private readonly RoutingGraph _graph;
    private readonly SearchSpace _space;
    private readonly IRouteCost _cost;
    private readonly int _layers;
    private readonly SearchWorkspace _workspace;
    private readonly StateHeap _queue;
    private double[] _dist = [];
    private int[] _prev = [];

    /// <param name="workspace">Arrays lent for this search; not used by anything else until the search is done.</param>
    public EdgeDijkstra(RoutingGraph graph, SearchSpace space, IRouteCost cost, SearchWorkspace workspace)
    {
        _graph = graph;
        _space = space;
        _cost = cost;
        _workspace = workspace;
        _queue = workspace.Queue;
        _layers = space.IsCapped ? space.MaxBorderCrossings + 1 : 1;
    }

    /// <summary>Bans applied on top of the search space (Yen's root path and deviations).</summary>
    public bool[]? BannedEdges { get; set; }

    public bool[]? BannedNodes { get; set; }

    /// <summary>Number of labels settled by the last run (for benchmarks and label-bound tests).</summary>
    public int SettledCount { get; private set; }

    public SearchPath? Find(SearchStart start, int destination, CancellationToken cancellationToken)
    {
        if (_cost is ITransitionFreeCost && !_space.IsCapped && start.InEdge == DwellRules.NoEdge
            && BannedEdges is null && BannedNodes is null)
        {
            return FindNodeLabelled(start.Node, destination, cancellationToken);
        }

        // One loop, compiled twice: reading a precomputed table inlines to array reads, any other cost is called.
        return _cost is TransitionCostTable table
            ? FindEdgeLabelled(new TabledCost(table), start, destination, cancellationToken)
            : FindEdgeLabelled(new CalledCost(_cost), start, destination, cancellationToken);
    }

    private SearchPath? FindEdgeLabelled<TCost>(TCost costs, SearchStart start, int destination, CancellationToken cancellationToken)
        where TCost : struct, ICostReader
    {
        _workspace.EnsureLayers(_layers);
        _dist = _workspace.StateCost;
        _prev = _workspace.StatePrevious;
        Array.Fill(_dist, double.PositiveInfinity, 0, _graph.EdgeCount * _layers);
        _queue.Clear();
        SettledCount = 0;
        int origin = start.Node;

        for (int f = _graph.FirstEdge(origin); f < _graph.EndEdge(origin); f++)
        {
            if (!Usable(f, start.InEdge))
            {
                continue;
            }

            int crossings = start.BorderCrossings + (CrossesBorder(f) ? 1 : 0);
            if (crossings > _space.MaxBorderCrossings)
            {
                continue;
            }

            double c = start.Cost + costs.Transition(start.InEdge, origin, f) + costs.Edge(f);
            Relax(StateOf(f, crossings), c, -1);
        }

        // The loop reads locals, not fields, and divides only when states carry crossings (a division per settled
        // state was a tenth of an uncapped search).
        double[] dist = _dist;
        int[] prev = _prev;
        bool[] allowed = _space.EdgeAllowed;
        bool[]? bannedEdges = BannedEdges;
        bool[]? bannedNodes = BannedNodes;
        bool capped = _space.IsCapped;
        int layers = _layers;
        int maxCrossings = _space.MaxBorderCrossings;
        double best = double.PositiveInfinity;
        int bestState = -1;
        while (_queue.TryPop(out double cost, out int state))
        {
            if (cost > dist[state])
            {
                continue; // stale entry
            }

            if (cost >= best)
            {
                break;
            }

            if ((++SettledCount & 255) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            int e = capped ? state / layers : state;
            int used = capped ? state % layers : 0;
            int v = _graph.EdgeTo(e);
            if (v == destination)
            {
                double total = cost + costs.Transition(e, v, DwellRules.NoEdge);
                if (total < best || (total == best && state < bestState))
                {
                    best = total;
                    bestState = state;
                }

                continue; // a route ends at its first arrival
            }

            int end = _graph.EndEdge(v);
            int reverse = _graph.EdgeReverse(e); // no U-turn onto the same link
            for (int f = _graph.FirstEdge(v); f < end; f++)
            {
                if (f == reverse || !allowed[f] || _graph.EdgeTo(f) == origin
                    || (bannedEdges is not null && bannedEdges[f]) || (bannedNodes is not null && bannedNodes[_graph.EdgeTo(f)]))
                {
                    continue;
                }

                int crossings = capped ? used + (CrossesBorder(f) ? 1 : 0) : 0;
                if (crossings > maxCrossings)
                {
                    continue;
                }

                double c = cost + costs.Turn(e, v, f) + costs.Edge(f);
                int next = capped ? f * layers + crossings : f;
                if (double.IsFinite(c) && c < dist[next])
                {
                    dist[next] = c;
                    prev[next] = state;
                    _queue.Push(c, next);
                }
            }
        }

        return bestState < 0 ? null : new SearchPath(Unwind(bestState), best);
    }

    /// <summary>
    /// Plain node-labelled Dijkstra for costs without transitions: the same optimum as the edge-labelled search (no
    /// transition can make a longer arrival better), settling each place once.
    /// </summary>
    private SearchPath? FindNodeLabelled(int origin, int destination, CancellationToken cancellationToken)
    {
        double[] dist = _workspace.NodeCost;
        int[] arrivedBy = _workspace.NodeArrivedBy;
        Array.Fill(dist, double.PositiveInfinity);
        dist[origin] = 0;
        arrivedBy[origin] = -1;
        _queue.Clear();
        _queue.Push(0, origin);
        SettledCount = 0;
        while (_queue.TryPop(out double cost, out int v))
        {
            if (cost > dist[v])
            {
                continue;
            }

            if (v == destination)
            {
                int count = 0;
                for (int n = v; arrivedBy[n] >= 0; n = _graph.EdgeFrom(arrivedBy[n]))
                {
                    count++;
                }

                var edges = new int[count];
                for (int n = v; arrivedBy[n] >= 0; n = _graph.EdgeFrom(arrivedBy[n]))
                {
                    edges[--count] = arrivedBy[n];
                }

                return new SearchPath(edges, cost);
            }

            if ((++SettledCount & 255) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            for (int f = _graph.FirstEdge(v); f < _graph.EndEdge(v); f++)
            {
                int to = _graph.EdgeTo(f);
                if (!_space.EdgeAllowed[f])
                {
                    continue;
                }

                double c = cost + _cost.EdgeCost(f);
                if (double.IsFinite(c) && c < dist[to])
                {
                    dist[to] = c;
                    arrivedBy[to] = f;
                    _queue.Push(c, to);
                }
            }
        }

        return null;
    }

    private bool Usable(int edge, int inEdge) =>
        _space.EdgeAllowed[edge]
        && (BannedEdges is null || !BannedEdges[edge])
        && (BannedNodes is null || !BannedNodes[_graph.EdgeTo(edge)])
        && (inEdge == DwellRules.NoEdge || edge != _graph.EdgeReverse(inEdge));

    private bool CrossesBorder(int edge) => _space.IsCapped && _graph.LinkCrossesBorder[_graph.EdgeLinkIndex(edge)];

    private int StateOf(int edge, int crossings) => _space.IsCapped ? edge * _layers + crossings : edge;

    private void Relax(int state, double cost, int previous)
    {
        if (double.IsFinite(cost) && cost < _dist[state])
        {
            _dist[state] = cost;
            _prev[state] = previous;
            _queue.Push(cost, state);
        }
    }

    private int[] Unwind(int state)
    {
        int count = 0;
        for (int s = state; s >= 0; s = _prev[s])
        {
            count++;
        }

        var edges = new int[count];
        for (int s = state; s >= 0; s = _prev[s])
        {
            edges[--count] = _space.IsCapped ? s / _layers : s;
        }

        return edges;
    }

    /// <summary>How the search reads a cost: a struct per kind of cost, so each compiled loop calls its reader directly.</summary>
    private interface ICostReader
    {
        double Edge(int edge);

        /// <summary>Any transition, either edge possibly <see cref="DwellRules.NoEdge"/>.</summary>
        double Transition(int inEdge, int node, int outEdge);

        /// <summary>A transition between two edges (neither is <see cref="DwellRules.NoEdge"/>).</summary>
        double Turn(int inEdge, int node, int outEdge);
    }

    private readonly struct CalledCost(IRouteCost cost) : ICostReader
    {
        public double Edge(int edge) => cost.EdgeCost(edge);

        public double Transition(int inEdge, int node, int outEdge) => cost.TransitionCost(inEdge, node, outEdge);

        public double Turn(int inEdge, int node, int outEdge) => cost.TransitionCost(inEdge, node, outEdge);
    }

    private readonly struct TabledCost(TransitionCostTable table) : ICostReader
    {
        public double Edge(int edge) => table.EdgeCost(edge);

        public double Transition(int inEdge, int node, int outEdge) => table.TransitionCost(inEdge, node, outEdge);

        public double Turn(int inEdge, int node, int outEdge) => table.TurnCost(inEdge, outEdge);
    }
}
