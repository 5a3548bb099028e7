using Corridors.Domain.Network;

namespace Corridors.Domain.Routing;

/// <summary>The best route and its alternatives, or why there is none.</summary>
/// <param name="Routes">Best first; empty unless <paramref name="Answer"/> is <see cref="RouteOutcome.Found"/>.</param>
public sealed record RouteSet(RouteAnswer Answer, IReadOnlyList<Route> Routes);

/// <summary>A Pareto-optimal route with its value on each criterion (same order as <see cref="ParetoFront.Criteria"/>).</summary>
public sealed record ParetoRoute(Route Route, IReadOnlyList<double> CriteriaValues);

/// <summary>Mutually non-dominated routes, sorted by the first criterion.</summary>
/// <param name="Truncated">True when the label bound was reached (see <c>ParetoSearch</c>); the front may then miss routes.</param>
public sealed record ParetoFront(RouteAnswer Answer, IReadOnlyList<Objective> Criteria, IReadOnlyList<ParetoRoute> Routes, bool Truncated);

/// <summary>One cell of a matrix: the best answer from an origin to a destination.</summary>
public sealed record MatrixCell(PlaceId Origin, PlaceId Destination, RouteAnswer? Answer, string? Skipped);

public sealed partial class CorridorRouter
{
    /// <summary>Largest matrix accepted: origins × destinations.</summary>
    public const int MaxMatrixCells = 2_500;

    /// <summary>Paths Yen's algorithm may generate per query while looking for alternatives under the overlap cap.</summary>
    internal const int MaxGeneratedPathsPerAlternative = 20;

    /// <summary>
    /// The best route for the objective plus up to <paramref name="alternatives"/> more, in order of cost, each
    /// sharing at most <paramref name="maxOverlap"/> of its km with any route returned before it (1.0 = plain Yen).
    /// </summary>
    public QueryResult<RouteSet> FindRoutes(RouteQuery query, int alternatives, double maxOverlap = DefaultMaxOverlap, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        List<QueryError> errors = Validate(query);
        if (alternatives is < 0 or > MaxAlternatives)
        {
            errors.Add(new QueryError("alternatives", $"must be between 0 and {MaxAlternatives}, got {alternatives}"));
        }

        if (!(maxOverlap is > 0 and <= 1))
        {
            errors.Add(new QueryError("max_overlap", $"must be in (0, 1], got {maxOverlap}"));
        }

        if (errors.Count > 0)
        {
            return QueryResult<RouteSet>.Failure(errors);
        }

        RouteQuery resolved = WithDefaults(query);
        RouteAnswer best = Solve(resolved, cancellationToken);
        if (best.Outcome != RouteOutcome.Found || alternatives == 0)
        {
            return QueryResult<RouteSet>.Success(new RouteSet(best, best.Route is null ? [] : [best.Route]));
        }

        using SearchWorkspaceLease lease = _workspaces.Lease();
        var yen = new KShortestPaths(Graph, SearchSpace.Compile(Graph, resolved.Constraints, OverlayOf(resolved), Ends(resolved)), CostFor(resolved), lease.Workspace);
        List<SearchPath> paths = yen.Find(
            Graph.NodeOf(resolved.Origin),
            Graph.NodeOf(resolved.Destination),
            alternatives + 1,
            (candidate, accepted) => accepted.All(a => Overlap(candidate, a) <= maxOverlap + 1e-9)
                                     && UsesCorridor(candidate, resolved.Constraints.Corridor)
                                     && WithinRiskCap(candidate, resolved),
            (alternatives + 1) * MaxGeneratedPathsPerAlternative,
            cancellationToken);
        return QueryResult<RouteSet>.Success(new RouteSet(best, [.. paths.Select(p => BuildRoute(p.Edges, resolved))]));
    }

    /// <summary>
    /// The Pareto front over the given criteria (default: fastest and shortest distance) under the query's
    /// constraints. Each single-criterion optimum is on the front.
    /// </summary>
    public QueryResult<ParetoFront> FindPareto(RouteQuery query, IReadOnlyList<Objective>? criteria = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        criteria ??= [Objective.Fastest, Objective.ShortestDistance];
        List<QueryError> errors = Validate(query);
        if (criteria.Count < 2 || criteria.Distinct().Count() != criteria.Count)
        {
            errors.Add(new QueryError("criteria", "a Pareto front needs at least two distinct criteria"));
        }

        if (errors.Count > 0)
        {
            return QueryResult<ParetoFront>.Failure(errors);
        }

        RouteQuery resolved = WithDefaults(query);
        RouteAnswer best = Solve(resolved, cancellationToken);
        if (best.Outcome != RouteOutcome.Found)
        {
            return QueryResult<ParetoFront>.Success(new ParetoFront(best, criteria, [], false));
        }

        SearchSpace space = SearchSpace.Compile(Graph, resolved.Constraints, OverlayOf(resolved), Ends(resolved));
        IRouteCost[] costs = [.. criteria.Select(c => CostFor(resolved with { Objective = c }))];
        var search = new ParetoSearch(Graph, space, costs);
        int origin = Graph.NodeOf(resolved.Origin);
        int destination = Graph.NodeOf(resolved.Destination);
        List<ParetoPath> front = search.Find(origin, destination, cancellationToken);

        // The extremes come from exact single-criterion searches, so they are on the front whatever the label bound.
        using SearchWorkspaceLease lease = _workspaces.Lease();
        foreach (IRouteCost cost in costs)
        {
            if (new EdgeDijkstra(Graph, space, cost, lease.Workspace).Find(SearchStart.AtOrigin(origin), destination, cancellationToken) is { } path)
            {
                front.Add(new ParetoPath(path.Edges, PathCosts(path.Edges, costs)));
            }
        }

        var distinct = front
            .Where(p => UsesCorridor(new SearchPath(p.Edges, 0), resolved.Constraints.Corridor))
            .GroupBy(p => string.Join(',', p.Edges)).Select(g => g.First()).ToList();
        var nonDominated = distinct
            .Where(p => !distinct.Any(q => !ReferenceEquals(p, q) && ParetoSearch.StrictlyDominates(q.Costs, p.Costs)))
            .Where(p => WithinRiskCap(new SearchPath(p.Edges, 0), resolved))
            .OrderBy(p => p.Costs[0]).ThenBy(p => p.Costs[1]).ThenBy(p => string.Join(',', p.Edges), StringComparer.Ordinal)
            .Select(p => new ParetoRoute(BuildRoute(p.Edges, resolved), p.Costs))
            .ToList();
        return QueryResult<ParetoFront>.Success(new ParetoFront(best, criteria, nonDominated, search.Truncated));
    }

    /// <summary>The best answer for every origin × destination pair (pairs of the same place are skipped, not errors).</summary>
    public QueryResult<IReadOnlyList<MatrixCell>> ComputeMatrix(
        IReadOnlyList<PlaceId> origins,
        IReadOnlyList<PlaceId> destinations,
        RouteQuery template,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(origins);
        ArgumentNullException.ThrowIfNull(destinations);
        ArgumentNullException.ThrowIfNull(template);
        var errors = new List<QueryError>();
        if (origins.Count == 0)
        {
            errors.Add(new QueryError("origins", "at least one origin is required"));
        }

        if (destinations.Count == 0)
        {
            errors.Add(new QueryError("destinations", "at least one destination is required"));
        }

        if ((long)origins.Count * destinations.Count > MaxMatrixCells)
        {
            errors.Add(new QueryError("origins", $"{origins.Count} × {destinations.Count} = {(long)origins.Count * destinations.Count} cells exceeds the maximum of {MaxMatrixCells}"));
        }

        foreach (PlaceId p in origins.Where(p => !Graph.TryGetNode(p, out _)))
        {
            errors.Add(new QueryError("origins", $"unknown place '{p}'"));
        }

        foreach (PlaceId p in destinations.Where(p => !Graph.TryGetNode(p, out _)))
        {
            errors.Add(new QueryError("destinations", $"unknown place '{p}'"));
        }

        if (errors.Count == 0 && origins.Count > 0 && destinations.Count > 0)
        {
            errors.AddRange(Validate(template with { Origin = origins[0], Destination = destinations[0] })
                .Where(e => e.Field is not ("origin" or "destination")));
        }

        if (errors.Count > 0)
        {
            return QueryResult<IReadOnlyList<MatrixCell>>.Failure(errors);
        }

        RouteQuery resolved = WithDefaults(template);
        var cells = new List<MatrixCell>(origins.Count * destinations.Count);
        foreach (PlaceId origin in origins)
        {
            foreach (PlaceId destination in destinations)
            {
                cells.Add(origin == destination
                    ? new MatrixCell(origin, destination, null, "origin and destination are the same place")
                    : new MatrixCell(origin, destination, Solve(resolved with { Origin = origin, Destination = destination }, cancellationToken), null));
            }
        }

        return QueryResult<IReadOnlyList<MatrixCell>>.Success(cells);
    }

    /// <summary>True when the query has no risk cap or the path's score meets it.</summary>
    private bool WithinRiskCap(SearchPath path, RouteQuery query) =>
        query.Constraints.MaxRiskScore is not { } cap || BuildRoute(path.Edges, query).SanctionRisk!.Score <= cap;

    /// <summary>True without a corridor, or when some link of the path belongs to it.</summary>
    private bool UsesCorridor(SearchPath path, CorridorId? corridor)
    {
        if (corridor is not { } c)
        {
            return true;
        }

        foreach (int e in path.Edges)
        {
            if (Graph.EdgeLink(e).BelongsTo(c))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Share of <paramref name="candidate"/>'s km on links that <paramref name="other"/> also uses.</summary>
    private double Overlap(SearchPath candidate, SearchPath other)
    {
        var otherLinks = new HashSet<int>(other.Edges.Select(Graph.EdgeLinkIndex));
        double shared = 0;
        double total = 0;
        foreach (int e in candidate.Edges)
        {
            double km = Graph.EdgeLink(e).DistanceKm.Value;
            total += km;
            if (otherLinks.Contains(Graph.EdgeLinkIndex(e)))
            {
                shared += km;
            }
        }

        return total == 0 ? 0 : shared / total;
    }

    private double[] PathCosts(int[] edges, IRouteCost[] costs)
    {
        var result = new double[costs.Length];
        for (int c = 0; c < costs.Length; c++)
        {
            int inEdge = DwellRules.NoEdge;
            foreach (int e in edges)
            {
                result[c] += costs[c].TransitionCost(inEdge, Graph.EdgeFrom(e), e) + costs[c].EdgeCost(e);
                inEdge = e;
            }

            result[c] += costs[c].TransitionCost(inEdge, Graph.EdgeTo(inEdge), DwellRules.NoEdge);
        }

        return result;
    }
}
