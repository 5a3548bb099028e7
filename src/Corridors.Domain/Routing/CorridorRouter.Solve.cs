using System.Globalization;
using Corridors.Domain.Network;
using Corridors.Domain.Risk;
using Corridors.Domain.Scenarios;

namespace Corridors.Domain.Routing;

public sealed partial class CorridorRouter
{
    /// <summary>Runs the search for a validated query with its as-of date set; diagnoses failure.</summary>
    /// <summary>Candidate routes examined, in order of the objective, for one that meets a sanction-risk cap.</summary>
    internal const int MaxRiskCapCandidates = 30;

    /// <param name="perspective">The query's perspective when the caller already has it (a comparison shares one).</param>
    internal RouteAnswer Solve(RouteQuery query, CancellationToken cancellationToken, Perspective? perspective = null)
    {
        SearchPath? path = Search(query, query.Constraints, ignoreDates: false, cancellationToken);
        if (path is null)
        {
            return Diagnose(query, cancellationToken);
        }

        Route route = BuildRoute(path.Edges, query, perspective);
        if (query.Constraints.Corridor is { } corridor && !UsesCorridor(path, corridor))
        {
            return new RouteAnswer(RouteOutcome.NoPath, null, [], null,
                $"{route.Origin.Name} and {route.Destination.Name} are joined by access links only, without the {corridor} corridor");
        }

        if (query.Constraints.MaxRiskScore is { } maxScore && route.SanctionRisk!.Score > maxScore)
        {
            return WithinRiskCap(query, maxScore, cancellationToken);
        }

        return Judge(route, query);
    }

    internal SearchPath? Search(RouteQuery query, RouteConstraints constraints, bool ignoreDates, CancellationToken cancellationToken, bool ignoreClosures = false)
    {
        (int origin, int destination) = Ends(query);
        SearchSpace space = SearchSpace.Compile(Graph, constraints, OverlayOf(query), (origin, destination), ignoreDates, ignoreClosures);
        SearchPathMemo? memo = RemembersPaths && SearchPathMemo.Keeps(query.Objective, constraints.AllowedOnly) ? space.Paths : null;
        if (memo is not null && memo.TryGet(query.Objective, origin, destination, out SearchPath? known))
        {
            return known;
        }

        SearchPath? path;
        using (SearchWorkspaceLease lease = _workspaces.Lease())
        {
            var search = new EdgeDijkstra(Graph, space, CostFor(query, constraints), lease.Workspace);
            path = search.Find(SearchStart.AtOrigin(origin), destination, cancellationToken);
        }

        memo?.Add(query.Objective, origin, destination, path);
        return path;
    }

    internal (int Origin, int Destination) Ends(RouteQuery query) => (Graph.NodeOf(query.Origin), Graph.NodeOf(query.Destination));

    /// <summary>Found, or Prohibited with the route and the measures that prohibit it: never swapped for another route.</summary>
    private static RouteAnswer Judge(Route route, RouteQuery query)
    {
        RouteRisk risk = route.SanctionRisk!;
        if (risk.Verdict == RiskVerdict.LicenceRequired)
        {
            IEnumerable<string> licences = risk.Exposures.Where(e => e.Measure.Licence is not null)
                .Select(e => $"{e.Measure.Id} ({e.Measure.Licence!.Authority}: {e.Measure.Licence.Type})");
            return RouteAnswer.Found(route) with { Explanation = $"route found; a licence is required for {query.Perspective}: {string.Join("; ", licences)}" };
        }

        if (risk.Verdict != RiskVerdict.Prohibited)
        {
            return RouteAnswer.Found(route);
        }

        return new RouteAnswer(RouteOutcome.Prohibited, route, [], null,
            $"prohibited for {query.Perspective} by {string.Join(", ", risk.ProhibitingMeasureIds)}");
    }

    /// <summary>
    /// The best route by the objective whose sanction risk score is at most <paramref name="maxScore"/>: the first
    /// such route among the objective's <see cref="MaxRiskCapCandidates"/> best, else the lowest-risk route if it
    /// meets the cap, else infeasible with the lowest achievable score.
    /// </summary>
    private RouteAnswer WithinRiskCap(RouteQuery query, double maxScore, CancellationToken cancellationToken)
    {
        using SearchWorkspaceLease lease = _workspaces.Lease();
        var yen = new KShortestPaths(Graph, SearchSpace.Compile(Graph, query.Constraints, OverlayOf(query), Ends(query)), CostFor(query), lease.Workspace);
        int origin = Graph.NodeOf(query.Origin);
        int destination = Graph.NodeOf(query.Destination);
        Route? within = null;
        yen.Find(origin, destination, 1, (candidate, _) =>
        {
            Route route = BuildRoute(candidate.Edges, query);
            bool ok = route.SanctionRisk!.Score <= maxScore && UsesCorridor(candidate, query.Constraints.Corridor);
            within ??= ok ? route : null;
            return ok;
        }, MaxRiskCapCandidates, cancellationToken);

        if (within is null && Search(query with { Objective = Objective.LowestRisk }, query.Constraints, false, cancellationToken) is { } lowest)
        {
            Route lowestRoute = BuildRoute(lowest.Edges, query);
            if (lowestRoute.SanctionRisk!.Score <= maxScore && UsesCorridor(lowest, query.Constraints.Corridor))
            {
                within = lowestRoute;
            }
            else
            {
                string achievable = lowestRoute.SanctionRisk.Score.ToString("F1", CultureInfo.InvariantCulture);
                var reason = new Infeasibility(ConstraintKind.MaxRiskScore, maxScore.ToString(CultureInfo.InvariantCulture),
                    $"a sanction risk score of at most {maxScore} (the lowest achievable is {achievable})");
                return Infeasible([reason], "every route is ruled out by " + reason.Message);
            }
        }

        return within is null ? NoPath(query) : Judge(within, query);
    }

    /// <summary>
    /// Why no route satisfies the query: first relax the dates (is it only not open yet?), then each user constraint
    /// alone (which one rules every route out?), then all of them together; otherwise there is no path.
    /// </summary>
    private RouteAnswer Diagnose(RouteQuery query, CancellationToken cancellationToken)
    {
        RouteConstraints constraints = query.Constraints;
        DateOnly asOf = constraints.AsOf!.Value;

        if (constraints.AllowedOnly && Search(query, constraints with { AllowedOnly = false }, ignoreDates: false, cancellationToken) is { } unguarded)
        {
            Route route = BuildRoute(unguarded.Edges, query);
            return new RouteAnswer(RouteOutcome.Prohibited, route,
                [new Infeasibility(ConstraintKind.AllowedOnly, "true", "allowed routes only")], null,
                $"every route is prohibited for {query.Perspective}; the best one is prohibited by {string.Join(", ", route.SanctionRisk!.ProhibitingMeasureIds)}");
        }

        SearchPath? undated = Search(query, constraints, ignoreDates: true, cancellationToken);
        if (undated is not null)
        {
            return NotYetOpen(query, undated, asOf, constraints.IncludePlanned);
        }

        ScenarioOverlay overlay = OverlayOf(query);
        if (overlay.ClosesAnythingOn(asOf) && Search(query, constraints, ignoreDates: false, cancellationToken, ignoreClosures: true) is not null)
        {
            string closures = string.Join(", ", overlay.ClosuresOn(asOf));
            var reason = new Infeasibility(ConstraintKind.ScenarioClosure, overlay.Scenario!.Id,
                $"scenario '{overlay.Scenario.Id}' closing {closures}");
            return Infeasible([reason], $"every route is ruled out by {reason.Message} on {asOf:yyyy-MM-dd}");
        }

        if (!constraints.HasUserConstraints)
        {
            return NoPath(query);
        }

        var reasons = new List<Infeasibility>();
        foreach ((RouteConstraints relaxed, Infeasibility reason) in SingleRelaxations(constraints))
        {
            if (Search(query, relaxed, ignoreDates: false, cancellationToken) is not null)
            {
                reasons.Add(reason);
            }
        }

        if (reasons.Count > 0)
        {
            return Infeasible(reasons, "every route is ruled out by " + string.Join("; or by ", reasons.Select(r => r.Message)));
        }

        RouteConstraints unconstrained = new() { Corridor = constraints.Corridor, AsOf = asOf, IncludePlanned = constraints.IncludePlanned, AllowedOnly = constraints.AllowedOnly };
        if (Search(query, unconstrained, ignoreDates: false, cancellationToken) is not null)
        {
            List<Infeasibility> all = [.. SingleRelaxations(constraints).Select(x => x.Reason)];
            return Infeasible(all, "no single constraint is to blame: routes exist only when these are relaxed together: "
                                   + string.Join("; ", all.Select(r => r.Message)));
        }

        if (Search(query, unconstrained, ignoreDates: true, cancellationToken) is not null)
        {
            List<Infeasibility> all = [.. SingleRelaxations(constraints).Select(x => x.Reason)];
            all.Add(new Infeasibility(ConstraintKind.AsOfDate, asOf.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
                $"links not open on {asOf:yyyy-MM-dd}"));
            return Infeasible(all, "routes exist only on links not open yet and without the query's constraints");
        }

        return NoPath(query);
    }

    private RouteAnswer NotYetOpen(RouteQuery query, SearchPath undated, DateOnly asOf, bool includePlanned)
    {
        ScenarioOverlay overlay = OverlayOf(query);
        var blocking = undated.Edges
            .Select(Graph.EdgeLinkIndex)
            .Distinct()
            .Where(l => !overlay.IsLinkUsable(l, asOf, includePlanned, ignoreDates: false, ignoreClosures: true))
            .Select(l => Network.Links[l])
            .ToList();
        DateOnly? opensOn = blocking.All(l => l.Opens is not null) && blocking.Count > 0
            ? blocking.Max(l => l.Opens!.Date)
            : null;
        string links = string.Join(", ", blocking.Select(l =>
            $"{l.Id} ({EnumNames.ToKebab(l.Status)}{(l.Opens is null ? string.Empty : $", opens {l.Opens.Date:yyyy-MM-dd}")})"));
        string when = opensOn is null
            ? "no forecast opening date is known for " + string.Join(", ", blocking.Where(l => l.Opens is null).Select(l => l.Id.Value))
              + "; include planned links to route over them"
            : $"forecast to open {opensOn:yyyy-MM-dd}";
        return new RouteAnswer(RouteOutcome.NotYetOpen, null, [], opensOn,
            $"a route exists only over links not open on {asOf:yyyy-MM-dd}: {links}; {when}");
    }

    private RouteAnswer NoPath(RouteQuery query)
    {
        string scope = query.Constraints.Corridor is { } c ? $"the {c} corridor" : "the network";
        return new RouteAnswer(RouteOutcome.NoPath, null, [], null,
            $"{scope} does not join {Network.GetPlace(query.Origin).Name} and {Network.GetPlace(query.Destination).Name}");
    }

    private static RouteAnswer Infeasible(IReadOnlyList<Infeasibility> reasons, string explanation) =>
        new(RouteOutcome.Infeasible, null, reasons, null, explanation);

    /// <summary>Each user constraint removed on its own, with the reason it stands for.</summary>
    private static IEnumerable<(RouteConstraints Relaxed, Infeasibility Reason)> SingleRelaxations(RouteConstraints c)
    {
        foreach (string country in c.AvoidCountries.Order(StringComparer.Ordinal))
        {
            yield return (c with { AvoidCountries = Without(c.AvoidCountries, country) },
                new Infeasibility(ConstraintKind.AvoidCountry, country, $"avoiding country {country}"));
        }

        foreach (TransportMode mode in c.AvoidModes.Order())
        {
            yield return (c with { AvoidModes = Without(c.AvoidModes, mode) },
                new Infeasibility(ConstraintKind.AvoidMode, EnumNames.ToKebab(mode), $"avoiding mode {EnumNames.ToKebab(mode)}"));
        }

        foreach (PlaceId place in c.AvoidPlaces.OrderBy(p => p.Value, StringComparer.Ordinal))
        {
            yield return (c with { AvoidPlaces = Without(c.AvoidPlaces, place) },
                new Infeasibility(ConstraintKind.AvoidPlace, place.Value, $"avoiding place {place}"));
        }

        foreach (LinkId link in c.AvoidLinks.OrderBy(l => l.Value, StringComparer.Ordinal))
        {
            yield return (c with { AvoidLinks = Without(c.AvoidLinks, link) },
                new Infeasibility(ConstraintKind.AvoidLink, link.Value, $"avoiding link {link}"));
        }

        if (c.MaxBorderCrossings is { } cap)
        {
            yield return (c with { MaxBorderCrossings = null },
                new Infeasibility(ConstraintKind.MaxBorderCrossings, cap.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    $"at most {cap} border crossings"));
        }
    }

    private static HashSet<T> Without<T>(IReadOnlySet<T> set, T item)
    {
        var copy = new HashSet<T>(set);
        copy.Remove(item);
        return copy;
    }
}
