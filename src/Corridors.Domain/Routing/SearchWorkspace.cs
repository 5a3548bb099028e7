namespace Corridors.Domain.Routing;

/// <summary>
/// The arrays one search needs (labels, predecessors, the heap), sized for the graph and kept between searches:
/// allocating them per search was a third of what a comparison allocated (5 corridors × 514 edge labels).
/// Used by one search at a time; the router lends it out through <see cref="SearchWorkspacePool"/>.
/// </summary>
internal sealed class SearchWorkspace
{
    private readonly RoutingGraph _graph;

    public SearchWorkspace(RoutingGraph graph)
    {
        _graph = graph;
        NodeCost = new double[graph.NodeCount];
        NodeArrivedBy = new int[graph.NodeCount];
    }

    /// <summary>Best cost per state (directed edge × crossings layer) of the edge-labelled search.</summary>
    public double[] StateCost { get; private set; } = [];

    /// <summary>Predecessor state per state, -1 at the start.</summary>
    public int[] StatePrevious { get; private set; } = [];

    /// <summary>Best cost per node of the node-labelled search.</summary>
    public double[] NodeCost { get; }

    /// <summary>Edge each node was reached by in the node-labelled search, -1 at the origin.</summary>
    public int[] NodeArrivedBy { get; }

    public StateHeap Queue { get; } = new();

    /// <summary>Makes the state arrays hold at least <paramref name="layers"/> layers of edges (grown, never shrunk).</summary>
    public void EnsureLayers(int layers)
    {
        int states = _graph.EdgeCount * layers;
        if (StateCost.Length < states)
        {
            StateCost = new double[states];
            StatePrevious = new int[states];
        }
    }
}

/// <summary>
/// Workspaces lent to searches and taken back, so that steady traffic allocates none. Holds at most two idle
/// workspaces per core (the most searches that run at once in practice); more are created under a burst and dropped
/// when returned. Thread-safe; owned by one router, so nothing is shared between routers or graphs.
/// </summary>
internal sealed class SearchWorkspacePool
{
    /// <summary>Idle workspaces kept, per processor.</summary>
    private const int IdlePerProcessor = 2;

    private readonly RoutingGraph _graph;
    private readonly SearchWorkspace?[] _idle = new SearchWorkspace?[Environment.ProcessorCount * IdlePerProcessor];
    private readonly Lock _lock = new();
    private int _idleCount;

    public SearchWorkspacePool(RoutingGraph graph)
    {
        _graph = graph;
    }

    /// <summary>A workspace for the scope of a <c>using</c>: given back when the lease is disposed.</summary>
    public SearchWorkspaceLease Lease() => new(this, Rent());

    /// <summary>An idle workspace, or a new one; give it back with <see cref="Return"/> once the search is done.</summary>
    public SearchWorkspace Rent()
    {
        lock (_lock)
        {
            if (_idleCount > 0)
            {
                SearchWorkspace workspace = _idle[--_idleCount]!;
                _idle[_idleCount] = null;
                return workspace;
            }
        }

        return new SearchWorkspace(_graph);
    }

    /// <summary>Takes a workspace back; its search must be finished (its paths are copied out, never views of it).</summary>
    public void Return(SearchWorkspace workspace)
    {
        lock (_lock)
        {
            if (_idleCount < _idle.Length)
            {
                _idle[_idleCount++] = workspace;
            }
        }
    }
}

/// <summary>A workspace held for a scope (a struct, so a lease allocates nothing).</summary>
internal readonly struct SearchWorkspaceLease(SearchWorkspacePool pool, SearchWorkspace workspace) : IDisposable
{
    public SearchWorkspace Workspace => workspace;

    public void Dispose() => pool.Return(workspace);
}
