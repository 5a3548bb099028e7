namespace Corridors.Domain.Routing;

/// <summary>
/// Yen's k-shortest loopless paths (Yen 1971) on the edge-based search: each new path deviates from an earlier one
/// at a spur node, the root path before it fixed, its nodes banned, and the edges that earlier paths with the same
/// root took from the spur banned. Spur searches start on the root's last edge so dwell transitions stay exact.
/// </summary>
internal sealed class KShortestPaths
{
    private readonly RoutingGraph _graph;
    private readonly SearchSpace _space;
    private readonly IRouteCost _cost;
    private readonly SearchWorkspace _workspace;

    /// <param name="workspace">Arrays lent for the spur searches; not used by anything else until <see cref="Find"/> returns.</param>
    public KShortestPaths(RoutingGraph graph, SearchSpace space, IRouteCost cost, SearchWorkspace workspace)
    {
        _graph = graph;
        _space = space;
        _cost = cost;
        _workspace = workspace;
    }

    /// <summary>
    /// Paths in order of cost (ties: fewer edges, then edge sequence), at most <paramref name="maxPaths"/>, each
    /// accepted only if <paramref name="accept"/> says so given the paths accepted before it.
    /// </summary>
    /// <param name="maxGenerated">Bound on the paths generated, accepted or not, so a strict overlap cap cannot loop long.</param>
    public List<SearchPath> Find(
        int origin,
        int destination,
        int maxPaths,
        Func<SearchPath, IReadOnlyList<SearchPath>, bool> accept,
        int maxGenerated,
        CancellationToken cancellationToken)
    {
        var dijkstra = new EdgeDijkstra(_graph, _space, _cost, _workspace);
        var generated = new List<SearchPath>();
        var accepted = new List<SearchPath>();
        SearchPath? first = dijkstra.Find(SearchStart.AtOrigin(origin), destination, cancellationToken);
        if (first is null)
        {
            return accepted;
        }

        var candidates = new SortedSet<SearchPath>(PathOrder.Instance);
        var seen = new HashSet<string>(StringComparer.Ordinal) { Key(first) };
        SearchPath current = first;
        var bannedEdges = new bool[_graph.EdgeCount];
        var bannedNodes = new bool[_graph.NodeCount];
        dijkstra.BannedEdges = bannedEdges;
        dijkstra.BannedNodes = bannedNodes;

        while (true)
        {
            generated.Add(current);
            if (accept(current, accepted))
            {
                accepted.Add(current);
            }

            if (accepted.Count >= maxPaths || generated.Count >= maxGenerated)
            {
                break;
            }

            int[] edges = current.Edges;
            double rootCost = 0;
            int rootCrossings = 0;
            for (int i = 0; i < edges.Length; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                int spurNode = i == 0 ? origin : _graph.EdgeTo(edges[i - 1]);
                int inEdge = i == 0 ? DwellRules.NoEdge : edges[i - 1];

                Array.Clear(bannedEdges);
                Array.Clear(bannedNodes);
                foreach (SearchPath p in generated)
                {
                    if (p.Edges.Length > i && SamePrefix(p.Edges, edges, i))
                    {
                        bannedEdges[p.Edges[i]] = true;
                    }
                }

                bannedNodes[origin] = i > 0;
                for (int j = 0; j < i - 1; j++)
                {
                    bannedNodes[_graph.EdgeTo(edges[j])] = true;
                }

                SearchPath? spur = dijkstra.Find(new SearchStart(spurNode, inEdge, rootCost, rootCrossings), destination, cancellationToken);
                if (spur is not null)
                {
                    var total = new SearchPath([.. edges.AsSpan(0, i), .. spur.Edges], spur.Cost);
                    if (IsSimple(total.Edges, origin) && seen.Add(Key(total)))
                    {
                        candidates.Add(total);
                    }
                }

                rootCost += _cost.TransitionCost(inEdge, spurNode, edges[i]) + _cost.EdgeCost(edges[i]);
                if (_space.IsCapped && _graph.EdgeLink(edges[i]).CrossesBorder)
                {
                    rootCrossings++;
                }
            }

            if (candidates.Count == 0)
            {
                break;
            }

            current = candidates.Min!;
            candidates.Remove(current);
        }

        return accepted;
    }

    private bool IsSimple(int[] edges, int origin)
    {
        var visited = new HashSet<int> { origin };
        foreach (int e in edges)
        {
            if (!visited.Add(_graph.EdgeTo(e)))
            {
                return false;
            }
        }

        return true;
    }

    private static bool SamePrefix(int[] a, int[] b, int length)
    {
        for (int k = 0; k < length; k++)
        {
            if (a[k] != b[k])
            {
                return false;
            }
        }

        return true;
    }

    private static string Key(SearchPath p) => string.Join(',', p.Edges);

    private sealed class PathOrder : IComparer<SearchPath>
    {
        public static readonly PathOrder Instance = new();

        public int Compare(SearchPath? x, SearchPath? y)
        {
            if (ReferenceEquals(x, y))
            {
                return 0;
            }

            if (x is null || y is null)
            {
                return x is null ? -1 : 1;
            }

            int c = x.Cost.CompareTo(y.Cost);
            if (c != 0)
            {
                return c;
            }

            c = x.Edges.Length.CompareTo(y.Edges.Length);
            if (c != 0)
            {
                return c;
            }

            for (int i = 0; i < x.Edges.Length; i++)
            {
                c = x.Edges[i].CompareTo(y.Edges[i]);
                if (c != 0)
                {
                    return c;
                }
            }

            return 0;
        }
    }
}
