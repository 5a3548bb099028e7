using Corridors.Domain.Network;
using Corridors.Domain.Routing;

namespace Corridors.Domain.Capacity;

/// <summary>
/// Assigns origin–destination volumes to the corridors' routes under the bottlenecks' capacities on the as-of date.
/// Each pair's candidate routes are each corridor's best route (<see cref="CorridorRouter.Compare"/>) and, for every
/// bottleneck such a route loads, the corridor's best route avoiding that bottleneck (so the Northern corridor can
/// switch from Dostyk to Khorgos or Manzhouli), up to <see cref="MaxRoutesPerCorridor"/> per corridor. The routes'
/// costs (P50 days plus a risk penalty) and the capacities go to <see cref="VolumeAssignment"/> (OR-Tools GLOP).
/// Stateless; safe to share.
/// </summary>
public sealed class CapacityAnalyzer(CorridorRouter router, CapacityCatalog catalog)
{
    /// <summary>Candidate routes per corridor and pair, the best one included.</summary>
    public const int MaxRoutesPerCorridor = 6;

    /// <summary>The unserved penalty is this multiple of the dearest candidate route, so any route is preferred to none.</summary>
    public const double UnservedPenaltyFactor = 2.0;

    public CapacityCatalog Catalog => catalog;

    /// <summary>
    /// The assignment for the query; with a scenario or the user's own constraints also the baseline's corridor
    /// volumes (same volumes, date and perspective, no scenario, no constraints), so the diversion shows.
    /// </summary>
    public QueryResult<CapacityAnalysis> Analyze(CapacityQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        QueryResult<CapacityAnalysis> result = Solve(query, cancellationToken);
        if (!result.IsSuccess || !query.DivertsFromBaseline)
        {
            return result;
        }

        RouteConstraints plain = new() { AsOf = query.Template.Constraints.AsOf, IncludePlanned = query.Template.Constraints.IncludePlanned };
        CapacityQuery baselineQuery = query with { Template = query.Template with { Scenario = null, Constraints = plain } };
        QueryResult<CapacityAnalysis> baseline = Solve(baselineQuery, cancellationToken);
        if (!baseline.IsSuccess)
        {
            return baseline;
        }

        CapacityAnalysis analysis = result.Value!;
        Dictionary<CorridorId, double> before = baseline.Value!.Corridors.ToDictionary(c => c.Corridor, c => c.TeuPerYear);
        return QueryResult<CapacityAnalysis>.Success(analysis with
        {
            Corridors = [.. analysis.Corridors.Select(c => c with { BaselineTeuPerYear = before.GetValueOrDefault(c.Corridor) })],
            HasBaseline = true,
        });
    }

    private QueryResult<CapacityAnalysis> Solve(CapacityQuery query, CancellationToken cancellationToken)
    {
        RouteQuery template = router.WithDefaults(query.Template);
        DateOnly asOf = template.Constraints.AsOf!.Value;
        List<Bottleneck> bottlenecks = [.. catalog.Bottlenecks];
        CapacityPeriod?[] inForce = [.. bottlenecks.Select(b => b.On(asOf))];

        var candidates = new List<(int Pair, CorridorId Corridor, Route Route, double Cost, int[] Loads)>();
        var noRouteReasons = new Dictionary<int, string>();
        for (int p = 0; p < query.Volumes.Count; p++)
        {
            OdVolume pair = query.Volumes[p];
            RouteQuery pairQuery = template with { Origin = pair.Origin, Destination = pair.Destination, Objective = Objective.Fastest };
            QueryResult<CorridorComparisonSet> compared = router.Compare(pairQuery, cancellationToken);
            if (!compared.IsSuccess)
            {
                return QueryResult<CapacityAnalysis>.Failure([.. compared.Errors.Select(e => e with { Field = Prefixed(p, e.Field) })]);
            }

            foreach (CorridorComparison comparison in compared.Value!.Comparisons)
            {
                if (comparison.Answer.Route is not { } best)
                {
                    continue;
                }

                foreach (Route route in CorridorRoutes(pairQuery, comparison.Corridor.Id, best, bottlenecks, inForce, cancellationToken))
                {
                    double cost = route.TransitDays.P50 + query.RiskPenaltyDaysPer100Points * (route.SanctionRisk?.Score ?? 0) / 100.0;
                    candidates.Add((p, comparison.Corridor.Id, route, cost, Loads(route, bottlenecks, inForce)));
                }
            }

            if (!candidates.Any(c => c.Pair == p))
            {
                noRouteReasons[p] = "no corridor has a route on the as-of date: " + string.Join("; ",
                    compared.Value.Comparisons.Select(c => $"{c.Corridor.Id} {EnumNames.ToKebab(c.Answer.Outcome)}"));
            }
        }

        double penalty = UnservedPenaltyFactor * Math.Max(1.0, candidates.Count == 0 ? 1.0 : candidates.Max(c => c.Cost));
        var problem = new AssignmentProblem(
            [.. query.Volumes.Select(v => v.TeuPerYear)],
            [.. candidates.Select(c => new AssignmentOption(c.Pair, c.Cost, c.Loads))],
            [.. inForce.Select(p => p?.TeuPerYear ?? double.PositiveInfinity)],
            penalty);
        AssignmentSolution solution = VolumeAssignment.Solve(problem);

        var routes = new List<RouteFlow>();
        for (int o = 0; o < candidates.Count; o++)
        {
            var c = candidates[o];
            routes.Add(new RouteFlow(query.Volumes[c.Pair], c.Corridor, c.Route, c.Cost, solution.OptionFlows[o],
                [.. c.Loads.Select(b => bottlenecks[b].Id).Order(StringComparer.Ordinal)]));
        }

        var unserved = new List<UnservedVolume>();
        for (int p = 0; p < query.Volumes.Count; p++)
        {
            if (solution.Unserved[p] <= 0.5)
            {
                continue;
            }

            string reason = noRouteReasons.TryGetValue(p, out string? none)
                ? none
                : "every route of the pair is full: " + string.Join(", ", candidates
                    .SelectMany(c => c.Pair == p ? c.Loads : [])
                    .Distinct()
                    .Where(b => inForce[b] is { } f && solution.Loads[b] >= f.TeuPerYear * (1 - 1e-6))
                    .Select(b => bottlenecks[b].Id)
                    .Order(StringComparer.Ordinal));
            unserved.Add(new UnservedVolume(query.Volumes[p], solution.Unserved[p], reason));
        }

        var uses = new List<BottleneckUse>(bottlenecks.Count);
        for (int b = 0; b < bottlenecks.Count; b++)
        {
            double shadow = solution.ShadowPrices[b];
            bool full = inForce[b] is { } f && solution.Loads[b] >= f.TeuPerYear * (1 - VolumeAssignment.BindingTolerance);
            bool againstPenalty = full && candidates.Any(c => c.Loads.Contains(b) && solution.Unserved[c.Pair] > 0.5);
            uses.Add(new BottleneckUse(bottlenecks[b], inForce[b], solution.Loads[b], full && shadow > 0, shadow,
                shadow * catalog.Conversions.TeuPerYearPerTrainPerDay, againstPenalty));
        }

        var corridors = router.Network.Corridors
            .Select(c => new CorridorFlow(c.Id, routes.Where(r => r.Corridor == c.Id).Sum(r => r.TeuPerYear), null))
            .ToList();
        return QueryResult<CapacityAnalysis>.Success(new CapacityAnalysis(
            asOf, query.Volumes, routes, corridors, uses, unserved,
            routes.Sum(r => r.TeuPerYear * r.CostPerTeuDays), penalty, query.RiskPenaltyDaysPer100Points, HasBaseline: false));
    }

    /// <summary>
    /// The corridor's best route, then breadth-first its best routes avoiding the bottlenecks (in force on the date)
    /// the routes found so far load, until <see cref="MaxRoutesPerCorridor"/> distinct routes or nothing new.
    /// </summary>
    private List<Route> CorridorRoutes(
        RouteQuery pairQuery, CorridorId corridor, Route best, List<Bottleneck> bottlenecks, CapacityPeriod?[] inForce, CancellationToken cancellationToken)
    {
        var found = new List<Route> { best };
        var seenRoutes = new HashSet<string>(StringComparer.Ordinal) { Key(best) };
        var seenAvoids = new HashSet<string>(StringComparer.Ordinal) { string.Empty };
        var queue = new Queue<(Route Route, int[] Avoided)>();
        queue.Enqueue((best, []));
        while (queue.Count > 0 && found.Count < MaxRoutesPerCorridor)
        {
            (Route route, int[] avoided) = queue.Dequeue();
            foreach (int b in Loads(route, bottlenecks, inForce))
            {
                int[] avoid = [.. avoided.Append(b).Distinct().Order()];
                if (!seenAvoids.Add(string.Join(',', avoid)) || found.Count >= MaxRoutesPerCorridor)
                {
                    continue;
                }

                RouteConstraints c = pairQuery.Constraints;
                RouteQuery detour = pairQuery with
                {
                    Constraints = c with
                    {
                        Corridor = corridor,
                        AvoidLinks = new HashSet<LinkId>(c.AvoidLinks.Concat(avoid.SelectMany(i => bottlenecks[i].Links))),
                        AvoidPlaces = new HashSet<PlaceId>(c.AvoidPlaces.Concat(avoid.SelectMany(i => bottlenecks[i].Places))),
                    },
                };
                QueryResult<RouteAnswer> answer = router.FindBest(detour, cancellationToken);
                if (answer.Value?.Route is { } alternative && seenRoutes.Add(Key(alternative)))
                {
                    found.Add(alternative);
                    queue.Enqueue((alternative, avoid));
                }
            }
        }

        return found;
    }

    /// <summary>Indices of the bottlenecks with a capacity in force that the route loads (once each).</summary>
    private static int[] Loads(Route route, List<Bottleneck> bottlenecks, CapacityPeriod?[] inForce)
    {
        var links = new HashSet<LinkId>(route.Legs.Select(l => l.Link.Id));
        var places = new HashSet<PlaceId>(route.Places.Select(p => p.Id));
        return [.. Enumerable.Range(0, bottlenecks.Count).Where(b =>
            inForce[b] is not null && (bottlenecks[b].Links.Any(links.Contains) || bottlenecks[b].Places.Any(places.Contains)))];
    }

    private static string Key(Route route) => string.Join('|', route.Legs.Select(l => (l.Forward ? "+" : "-") + l.Link.Id.Value));

    private static string Prefixed(int pair, string field) => field switch
    {
        "origin" or "destination" => $"volumes[{pair}].{field}",
        _ => field,
    };
}
