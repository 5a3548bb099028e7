namespace Corridors.Domain.Routing;

/// <summary>A path with one cost per criterion.</summary>
internal sealed record ParetoPath(int[] Edges, double[] Costs);

/// <summary>
/// Multi-criteria label-setting search (Martins 1984) on directed-edge states: labels are settled in lexicographic
/// order of their cost vectors, a label is dropped when a settled label at the same state or a route already at the
/// destination dominates it.
/// </summary>
/// <remarks>
/// Bound: at most <see cref="MaxLabelsPerState"/> settled labels per edge state and <see cref="MaxLabelsTotal"/>
/// settled labels per query; past either bound further labels are dropped and the result is flagged as truncated,
/// so a query stays fast (the real network's fronts hold a handful of routes). Every single-criterion optimum is
/// added by the caller from an exact Dijkstra run, so the extremes of the front are always exact.
/// </remarks>
internal sealed class ParetoSearch
{
    /// <summary>Settled labels kept per directed edge (and crossings layer).</summary>
    public const int MaxLabelsPerState = 8;

    /// <summary>Settled labels per query.</summary>
    public const int MaxLabelsTotal = 20_000;

    private readonly RoutingGraph _graph;
    private readonly SearchSpace _space;
    private readonly IReadOnlyList<IRouteCost> _criteria;

    public ParetoSearch(RoutingGraph graph, SearchSpace space, IReadOnlyList<IRouteCost> criteria)
    {
        _graph = graph;
        _space = space;
        _criteria = criteria;
    }

    public bool Truncated { get; private set; }

    public List<ParetoPath> Find(int origin, int destination, CancellationToken cancellationToken)
    {
        int m = _criteria.Count;
        int layers = _space.IsCapped ? _space.MaxBorderCrossings + 1 : 1;
        var labels = new List<Label>();
        var settled = new List<int>?[_graph.EdgeCount * layers];
        var atDestination = new List<int>();
        var queue = new PriorityQueue<int, double[]>(LexicographicOrder.Instance);
        int settledCount = 0;

        void Offer(int edge, int crossings, int parent, double[] costs)
        {
            int state = edge * layers + (_space.IsCapped ? crossings : 0);
            if (Dominated(costs, settled[state], labels) || Dominated(costs, atDestination, labels))
            {
                return;
            }

            labels.Add(new Label(edge, crossings, parent, costs));
            queue.Enqueue(labels.Count - 1, costs);
        }

        for (int f = _graph.FirstEdge(origin); f < _graph.EndEdge(origin); f++)
        {
            if (Usable(f))
            {
                int crossings = Crossing(f);
                if (crossings <= _space.MaxBorderCrossings)
                {
                    Offer(f, crossings, -1, Step(DwellRules.NoEdge, origin, f, null));
                }
            }
        }

        while (queue.TryDequeue(out int index, out double[]? costs))
        {
            cancellationToken.ThrowIfCancellationRequested();
            Label label = labels[index];
            int state = label.Edge * layers + (_space.IsCapped ? label.Crossings : 0);
            if (Dominated(costs, settled[state], labels) || Dominated(costs, atDestination, labels))
            {
                continue;
            }

            settled[state] ??= [];
            if (settled[state]!.Count >= MaxLabelsPerState || settledCount >= MaxLabelsTotal)
            {
                Truncated = true;
                continue;
            }

            settled[state]!.Add(index);
            settledCount++;
            int v = _graph.EdgeTo(label.Edge);
            if (v == destination)
            {
                double[] final = Step(label.Edge, v, DwellRules.NoEdge, costs);
                labels[index] = label with { Costs = final };
                atDestination.Add(index);
                continue;
            }

            for (int f = _graph.FirstEdge(v); f < _graph.EndEdge(v); f++)
            {
                if (f == _graph.EdgeReverse(label.Edge) || _graph.EdgeTo(f) == origin || !Usable(f) || Revisits(labels, index, _graph.EdgeTo(f)))
                {
                    continue;
                }

                int crossings = label.Crossings + Crossing(f);
                if (crossings <= _space.MaxBorderCrossings)
                {
                    Offer(f, crossings, index, Step(label.Edge, v, f, costs));
                }
            }
        }

        return [.. atDestination
            .Where(i => !atDestination.Any(j => j != i && StrictlyDominates(labels[j].Costs, labels[i].Costs)))
            .Select(i => new ParetoPath(Unwind(labels, i), labels[i].Costs))];
    }

    private double[] Step(int inEdge, int node, int outEdge, double[]? previous)
    {
        var costs = new double[_criteria.Count];
        for (int c = 0; c < costs.Length; c++)
        {
            double add = _criteria[c].TransitionCost(inEdge, node, outEdge)
                         + (outEdge == DwellRules.NoEdge ? 0 : _criteria[c].EdgeCost(outEdge));
            costs[c] = (previous?[c] ?? 0) + add;
        }

        return costs;
    }

    private bool Usable(int edge) => _space.EdgeAllowed[edge];

    private int Crossing(int edge) => _space.IsCapped && _graph.EdgeLink(edge).CrossesBorder ? 1 : 0;

    private bool Revisits(List<Label> labels, int index, int node)
    {
        for (int i = index; i >= 0; i = labels[i].Parent)
        {
            if (_graph.EdgeTo(labels[i].Edge) == node)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when some label in <paramref name="bag"/> is at least as good in every criterion.</summary>
    private static bool Dominated(double[] costs, List<int>? bag, List<Label> labels)
    {
        if (bag is null)
        {
            return false;
        }

        foreach (int i in bag)
        {
            if (WeaklyDominates(labels[i].Costs, costs))
            {
                return true;
            }
        }

        return false;
    }

    internal static bool WeaklyDominates(double[] a, double[] b)
    {
        for (int c = 0; c < a.Length; c++)
        {
            if (a[c] > b[c])
            {
                return false;
            }
        }

        return true;
    }

    internal static bool StrictlyDominates(double[] a, double[] b) =>
        WeaklyDominates(a, b) && a.Where((x, c) => x < b[c]).Any();

    private static int[] Unwind(List<Label> labels, int index)
    {
        var edges = new List<int>();
        for (int i = index; i >= 0; i = labels[i].Parent)
        {
            edges.Add(labels[i].Edge);
        }

        edges.Reverse();
        return [.. edges];
    }

    private readonly record struct Label(int Edge, int Crossings, int Parent, double[] Costs);

    private sealed class LexicographicOrder : IComparer<double[]>
    {
        public static readonly LexicographicOrder Instance = new();

        public int Compare(double[]? x, double[]? y)
        {
            for (int c = 0; c < x!.Length; c++)
            {
                int r = x[c].CompareTo(y![c]);
                if (r != 0)
                {
                    return r;
                }
            }

            return 0;
        }
    }
}
