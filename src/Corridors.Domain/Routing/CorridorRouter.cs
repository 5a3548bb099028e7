using System.Text.RegularExpressions;
using Corridors.Domain.Dataset;
using Corridors.Domain.Dates;
using Corridors.Domain.Emissions;
using Corridors.Domain.Network;
using Corridors.Domain.Risk;
using Corridors.Domain.Scenarios;
using NetTopologySuite.Geometries;

namespace Corridors.Domain.Routing;

/// <summary>
/// The routing entry point: validates a query, compiles its constraints, runs the search and, when nothing is
/// found, diagnoses why (not yet open, which constraint, or no path). Stateless between queries and safe to share.
/// </summary>
public sealed partial class CorridorRouter
{
    /// <summary>Upper bound on alternatives per query (Yen's cost grows with k × route length).</summary>
    public const int MaxAlternatives = 10;

    /// <summary>Default cap on the share of an alternative's km it may share with an already returned route.</summary>
    public const double DefaultMaxOverlap = 0.8;

    private readonly BusinessCalendar _calendar;
    private readonly GeometryFactory _geometryFactory;
    private readonly SearchWorkspacePool _workspaces;

    /// <summary>
    /// Whether the paths found in shared search spaces are remembered (<see cref="SearchPathMemo"/>; the default, as
    /// served). Off, every query runs its searches: what the benchmarks compare with QuikGraph, and the tests' oracle.
    /// </summary>
    public bool RemembersPaths { get; init; } = true;

    public CorridorRouter(CorridorDataset dataset, BusinessCalendar calendar, GeometryFactory geometryFactory)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(geometryFactory);
        Dataset = dataset;
        Graph = new RoutingGraph(dataset.Network);
        Risk = new SanctionRiskAssessor(dataset.Sanctions);
        Emissions = new Co2eEstimator(dataset.EmissionFactors);
        Baseline = ScenarioOverlay.Baseline(Graph, dataset.Sanctions);
        _calendar = calendar;
        _geometryFactory = geometryFactory;
        _workspaces = new SearchWorkspacePool(Graph);
    }

    public CorridorDataset Dataset { get; }

    public RoutingGraph Graph { get; }

    public SanctionRiskAssessor Risk { get; }

    public Co2eEstimator Emissions { get; }

    /// <summary>The overlay of the baseline (no scenario).</summary>
    public ScenarioOverlay Baseline { get; }

    /// <summary>Parses, validates and compiles a scenario document against this router's network and measures.</summary>
    public QueryResult<ScenarioOverlay> CompileScenario(string definitionJson, long version)
    {
        QueryResult<Scenario> parsed = ScenarioJson.Parse(definitionJson, Network, Dataset.Sanctions);
        return parsed.Value is { } scenario
            ? QueryResult<ScenarioOverlay>.Success(ScenarioOverlay.Compile(scenario, version, Graph, Dataset.Sanctions))
            : QueryResult<ScenarioOverlay>.Failure(parsed.Errors);
    }

    internal ScenarioOverlay OverlayOf(RouteQuery query) => query.Scenario ?? Baseline;

    public CorridorNetwork Network => Graph.Network;

    /// <summary>Today's business date (the injected calendar): the default as-of date.</summary>
    public DateOnly Today => _calendar.Today;

    /// <summary>How current the sanction data is today: answers for a stale dataset still come, flagged.</summary>
    public DataFreshness Freshness => Dataset.Sanctions.Coverage.FreshnessOn(Today);

    /// <summary>The best route for the query's objective, or the reason there is none.</summary>
    public QueryResult<RouteAnswer> FindBest(RouteQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        List<QueryError> errors = Validate(query);
        if (errors.Count > 0)
        {
            return QueryResult<RouteAnswer>.Failure(errors);
        }

        return QueryResult<RouteAnswer>.Success(Solve(WithDefaults(query), cancellationToken));
    }

    /// <summary>
    /// One answer per corridor in the registry: each corridor's best route for the query's objective over its own
    /// links plus the access networks, under the query's other constraints.
    /// </summary>
    public QueryResult<CorridorComparisonSet> Compare(RouteQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        List<QueryError> errors = Validate(query);
        if (query.Constraints.Corridor is not null)
        {
            errors.Add(new QueryError("corridor", "a comparison covers every corridor; leave the corridor unset"));
        }

        if (errors.Count > 0)
        {
            return QueryResult<CorridorComparisonSet>.Failure(errors);
        }

        RouteQuery resolved = WithDefaults(query);
        Perspective perspective = resolved.Perspective; // the corridor does not change it: one for every corridor
        var comparisons = new List<CorridorComparison>(Network.Corridors.Count);
        foreach (Corridor corridor in Network.Corridors)
        {
            RouteQuery perCorridor = resolved with { Constraints = resolved.Constraints with { Corridor = corridor.Id } };
            comparisons.Add(new CorridorComparison(corridor, Solve(perCorridor, cancellationToken, perspective)));
        }

        return QueryResult<CorridorComparisonSet>.Success(new CorridorComparisonSet(
            Network.GetPlace(query.Origin),
            Network.GetPlace(query.Destination),
            resolved.Constraints.AsOf!.Value,
            resolved.Objective,
            comparisons));
    }

    /// <summary>
    /// The cost the search minimises for a query (its objective, perspective and payload; its as-of date must be
    /// set). With <see cref="RouteConstraints.AllowedOnly"/> every edge a prohibiting measure touches costs +∞.
    /// </summary>
    public IRouteCost CostFor(RouteQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return CostFor(query, query.Constraints);
    }

    /// <summary>The cost for the query with other constraints (diagnosis relaxes them), without copying the query.</summary>
    internal IRouteCost CostFor(RouteQuery query, RouteConstraints constraints)
    {
        IRouteCost cost = query.Objective switch
        {
            Objective.Fastest => OverlayOf(query).FastestCost,
            Objective.ShortestDistance => new DistanceCost(Graph),
            Objective.LowestRisk => OverlayOf(query).Risk.CostFor(Graph, PerspectiveOf(query, constraints), query.Origin, query.Destination),
            Objective.LowestCo2e => Emissions.CostFor(Graph, constraints.AsOf ?? Today, query.Payload),
            _ => throw new ArgumentOutOfRangeException(nameof(query), query.Objective, "Unknown objective."),
        };
        return constraints.AllowedOnly
            ? new GuardedCost(cost, OverlayOf(query).Risk.CostFor(Graph, PerspectiveOf(query, constraints), query.Origin, query.Destination, ProhibitedEdges.Forbidden))
            : cost;
    }

    /// <summary>The query's perspective on the constraints' as-of date (what <see cref="RouteQuery.Perspective"/> gives for them).</summary>
    private static Perspective PerspectiveOf(RouteQuery query, RouteConstraints constraints) =>
        new(query.Regimes, query.Cargo, constraints.AsOf ?? throw new InvalidOperationException("AsOf is not set.")) { HsCode = query.HsCode };

    /// <summary>The query with its as-of date set to today when it names none (what every query method does first).</summary>
    public RouteQuery WithDefaults(RouteQuery query) =>
        query.Constraints.AsOf is null ? query with { Constraints = query.Constraints with { AsOf = Today } } : query;

    /// <summary>The route of a path with its network metrics only (no risk or CO2e).</summary>
    internal Route BuildRoute(IReadOnlyList<int> edges, ScenarioOverlay? overlay = null) =>
        RouteBuilder.Build(Graph, edges as int[] ?? [.. edges], _geometryFactory, overlay ?? Baseline);

    /// <summary>The route of a path, with its sanction risk and CO2e for the query.</summary>
    /// <param name="perspective">The query's perspective when the caller already has it (a comparison shares one).</param>
    internal Route BuildRoute(int[] edges, RouteQuery query, Perspective? perspective = null)
    {
        ScenarioOverlay overlay = OverlayOf(query);
        RouteLeg[] legs = RouteBuilder.Legs(Graph, edges, overlay);
        return RouteBuilder.Build(
            Graph,
            edges,
            legs,
            _geometryFactory,
            overlay.Risk.Assess(legs, perspective ?? query.Perspective, Graph, edges),
            Emissions.Estimate(legs, query.Constraints.AsOf ?? Today, query.Payload, query.Co2eOptions));
    }

    /// <summary>Checks every field of a query; all problems are returned at once.</summary>
    internal List<QueryError> Validate(RouteQuery query)
    {
        var errors = new List<QueryError>();
        bool originKnown = Graph.TryGetNode(query.Origin, out _);
        bool destinationKnown = Graph.TryGetNode(query.Destination, out _);
        if (!originKnown)
        {
            errors.Add(new QueryError("origin", $"unknown place '{query.Origin}'"));
        }

        if (!destinationKnown)
        {
            errors.Add(new QueryError("destination", $"unknown place '{query.Destination}'"));
        }

        if (originKnown && destinationKnown && query.Origin == query.Destination)
        {
            errors.Add(new QueryError("destination", $"origin and destination are the same place '{query.Origin}'"));
        }

        RouteConstraints c = query.Constraints;
        if (c.Corridor is { } corridor && !Network.TryGetCorridor(corridor, out _))
        {
            errors.Add(new QueryError("corridor", $"unknown corridor '{corridor}'; known: {string.Join(", ", Network.Corridors.Select(k => k.Id.Value))}"));
        }

        foreach (string country in c.AvoidCountries.Order(StringComparer.Ordinal))
        {
            if (!CountryCodePattern().IsMatch(country))
            {
                errors.Add(new QueryError("avoid_countries", $"'{country}' is not an ISO 3166-1 alpha-2 code (two capital letters)"));
            }
        }

        foreach (PlaceId place in c.AvoidPlaces.OrderBy(p => p.Value, StringComparer.Ordinal))
        {
            if (!Graph.TryGetNode(place, out _))
            {
                errors.Add(new QueryError("avoid_places", $"unknown place '{place}'"));
            }
        }

        foreach (LinkId link in c.AvoidLinks.OrderBy(l => l.Value, StringComparer.Ordinal))
        {
            if (!Graph.TryGetLinkIndex(link, out _))
            {
                errors.Add(new QueryError("avoid_links", $"unknown link '{link}'"));
            }
        }

        if (c.MaxBorderCrossings is < 0 or > 64)
        {
            errors.Add(new QueryError("max_border_crossings", $"must be between 0 and 64, got {c.MaxBorderCrossings}"));
        }

        if (c.MaxRiskScore is { } maxScore && !(maxScore is >= 0 and <= 100))
        {
            errors.Add(new QueryError("max_risk_score", $"must be between 0 and 100, got {maxScore}"));
        }

        if (!Enum.IsDefined(query.Objective))
        {
            errors.Add(new QueryError("objective", $"unknown objective {(int)query.Objective}"));
        }

        if (Dataset.AsOfRangeOn(Today).Check(c.AsOf ?? Today) is { } dateError)
        {
            errors.Add(dateError);
        }

        if (query.Payload is { } payload && !(payload.CargoTonnes is > 0 and <= 100))
        {
            errors.Add(new QueryError("payload_tonnes", $"must be in (0, 100] t, got {payload.CargoTonnes}"));
        }

        return errors;
    }

    [GeneratedRegex("^[A-Z]{2}$")]
    private static partial Regex CountryCodePattern();
}

/// <summary>The result of a comparison: one entry per corridor, in registry order.</summary>
public sealed record CorridorComparisonSet(
    Place Origin,
    Place Destination,
    DateOnly AsOf,
    Objective Objective,
    IReadOnlyList<CorridorComparison> Comparisons);
