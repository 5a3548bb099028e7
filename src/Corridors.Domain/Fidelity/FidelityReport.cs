using Corridors.Domain.Network;
using Corridors.Domain.Routing;
using Corridors.Domain.TransitTime;

namespace Corridors.Domain.Fidelity;

/// <summary>One published figure beside the model's answer for the same journey.</summary>
/// <param name="Model">The model's km (or km difference), or P50 days (or P50 difference); null when it found no route.</param>
/// <param name="ModelP10">For transit: the model's P10 days (null for distances and differences).</param>
/// <param name="ModelP90">For transit: the model's P90 days (null for distances and differences).</param>
/// <param name="Difference">
/// For distances: the model's relative difference from the published value or the nearest end of the published
/// range (0 inside it); for transit: days from the published range (0 inside it) or, for a single value, P50 minus it.
/// </param>
/// <param name="Within">Whether the model is within tolerance (see <see cref="FidelityReport"/>).</param>
/// <param name="Explanation">Why there is no model figure, when there is none.</param>
public sealed record FidelityRow(
    PublishedFigure Figure,
    double? Model,
    double? ModelP10,
    double? ModelP90,
    double? Difference,
    bool Within,
    string Explanation);

/// <summary>
/// Compares the model with published whole-journey figures ("why trust it"). Tolerances: a distance within
/// ±12 % of a published land distance (km) or ±3 % of a published sea distance (nautical miles), measured from
/// the nearest end of a published range; a transit time whose P50 lies inside a published range, or, for a single
/// published value, a value inside the model's P10–P90. Differences between two corridors (e.g. the Cape minus Suez)
/// follow the same rules.
/// </summary>
public static class FidelityReport
{
    /// <summary>Tolerance on land (rail, road) distances published in km.</summary>
    public const double LandDistanceToleranceRatio = 0.12;

    /// <summary>Tolerance on sea distances published in nautical miles.</summary>
    public const double SeaDistanceToleranceRatio = 0.03;

    public static IReadOnlyList<FidelityRow> Check(CorridorRouter router, IEnumerable<PublishedFigure> figures, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(router);
        ArgumentNullException.ThrowIfNull(figures);
        // A source that gives both a distance and a time is one journey: route it once.
        var routes = new Dictionary<(PlaceId, PlaceId, CorridorId, DateOnly, string), (Route?, string)>();
        return [.. figures.Select(f => Check(f, corridor =>
        {
            var key = (f.From, f.To, corridor, f.AsOf, string.Join(",", f.AvoidPlaces));
            if (!routes.TryGetValue(key, out (Route?, string) best))
            {
                best = Best(router, f, corridor, cancellationToken);
                routes[key] = best;
            }

            return best;
        }))];
    }

    private static FidelityRow Check(PublishedFigure figure, Func<CorridorId, (Route? Route, string Why)> best)
    {
        (Route? route, string why) = best(figure.Corridor);
        Route? minus = null;
        if (route is not null && figure.Minus is { } other)
        {
            (minus, why) = best(other);
        }

        if (route is null || (figure.Minus is not null && minus is null))
        {
            return new FidelityRow(figure, null, null, null, null, false, why);
        }

        if (figure.Quantity == FigureQuantity.Distance)
        {
            double km = route.DistanceKm - (minus?.DistanceKm ?? 0);
            double tolerance = figure.NauticalMiles ? SeaDistanceToleranceRatio : LandDistanceToleranceRatio;
            double relative = km < figure.Low ? (km - figure.Low) / figure.Low
                : km > figure.High ? (km - figure.High) / figure.High
                : 0;
            return new FidelityRow(figure, km, null, null, relative, Math.Abs(relative) <= tolerance, string.Empty);
        }

        if (minus is not null)
        {
            double delta = route.TransitDays.P50 - minus.TransitDays.P50;
            double outside = Outside(delta, figure.Low, figure.High);
            return new FidelityRow(figure, delta, null, null, outside, outside == 0, string.Empty);
        }

        TransitDays days = route.TransitDays;
        if (figure.IsRange)
        {
            double outside = Outside(days.P50, figure.Low, figure.High);
            return new FidelityRow(figure, days.P50, days.P10, days.P90, outside, outside == 0, string.Empty);
        }

        bool inside = figure.Low >= days.P10 && figure.Low <= days.P90;
        return new FidelityRow(figure, days.P50, days.P10, days.P90, days.P50 - figure.Low, inside, string.Empty);
    }

    private static double Outside(double value, double low, double high) =>
        value < low ? value - low : value > high ? value - high : 0;

    private static (Route? Route, string Why) Best(CorridorRouter router, PublishedFigure figure, CorridorId corridor, CancellationToken cancellationToken)
    {
        var query = new RouteQuery
        {
            Origin = figure.From,
            Destination = figure.To,
            Regimes = new HashSet<Risk.Regime>(), // a shipper bound by no regime: the route is the network's, whatever the sanctions
            Constraints = new RouteConstraints
            {
                Corridor = corridor,
                AsOf = figure.AsOf,
                AvoidPlaces = new HashSet<PlaceId>(figure.AvoidPlaces),
            },
        };
        QueryResult<RouteAnswer> result = router.FindBest(query, cancellationToken);
        if (!result.IsSuccess)
        {
            return (null, string.Join("; ", result.Errors.Select(e => $"{e.Field}: {e.Message}")));
        }

        RouteAnswer answer = result.Value!;
        return answer.Route is { } route && answer.Outcome is RouteOutcome.Found or RouteOutcome.Prohibited
            ? (route, string.Empty)
            : (null, $"{corridor}: {answer.Explanation}");
    }
}
