using Corridors.Domain.Network;

namespace Corridors.Domain.Routing;

public sealed partial class CorridorRouter
{
    /// <summary>Runs the search for a validated query with its as-of date set; diagnoses failure.</summary>
    internal RouteAnswer Solve(RouteQuery query, CancellationToken cancellationToken)
    {
        SearchPath? path = Search(query, query.Constraints, ignoreDates: false, cancellationToken);
        if (path is not null)
        {
            return CheckUsesCorridor(query, BuildRoute(path.Edges));
        }

        return Diagnose(query, cancellationToken);
    }

    internal SearchPath? Search(RouteQuery query, RouteConstraints constraints, bool ignoreDates, CancellationToken cancellationToken)
    {
        SearchSpace space = SearchSpace.Compile(Graph, constraints, ignoreDates);
        var search = new EdgeDijkstra(Graph, space, CostFor(query.Objective));
        return search.Find(SearchStart.AtOrigin(Graph.NodeOf(query.Origin)), Graph.NodeOf(query.Destination), cancellationToken);
    }

    /// <summary>A corridor's route must use at least one of the corridor's own links, not only access links.</summary>
    private static RouteAnswer CheckUsesCorridor(RouteQuery query, Route route)
    {
        if (query.Constraints.Corridor is { } corridor && !route.Legs.Any(l => l.Link.BelongsTo(corridor)))
        {
            return new RouteAnswer(RouteOutcome.NoPath, null, [], null,
                $"{route.Origin.Name} and {route.Destination.Name} are joined by access links only, without the {corridor} corridor");
        }

        return RouteAnswer.Found(route);
    }

    /// <summary>
    /// Why no route satisfies the query: first relax the dates (is it only not open yet?), then each user constraint
    /// alone (which one rules every route out?), then all of them together; otherwise there is no path.
    /// </summary>
    private RouteAnswer Diagnose(RouteQuery query, CancellationToken cancellationToken)
    {
        RouteConstraints constraints = query.Constraints;
        DateOnly asOf = constraints.AsOf!.Value;

        SearchPath? undated = Search(query, constraints, ignoreDates: true, cancellationToken);
        if (undated is not null)
        {
            return NotYetOpen(undated, asOf, constraints.IncludePlanned);
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

        RouteConstraints unconstrained = new() { Corridor = constraints.Corridor, AsOf = asOf, IncludePlanned = constraints.IncludePlanned };
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

    private RouteAnswer NotYetOpen(SearchPath undated, DateOnly asOf, bool includePlanned)
    {
        var blocking = undated.Edges
            .Select(e => Graph.EdgeLink(e))
            .Where(l => !l.IsUsableOn(asOf, includePlanned))
            .Distinct()
            .ToList();
        DateOnly? opensOn = blocking.All(l => l.Opens is not null) && blocking.Count > 0
            ? blocking.Max(l => l.Opens!.Date)
            : null;
        string links = string.Join(", ", blocking.Select(l =>
            $"{l.Id} ({EnumNames.ToKebab(l.Status)}{(l.Opens is null ? string.Empty : $", opens {l.Opens.Date:yyyy-MM-dd}")})"));
        string when = opensOn is null ? "no opening date is known"
            : opensOn <= asOf ? $"its forecast opening {opensOn:yyyy-MM-dd} is not confirmed by the data; include planned links to route over it"
            : $"due to open {opensOn:yyyy-MM-dd}";
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
