namespace Corridors.Domain.TransitTime;

/// <summary>Transit time of a route as percentiles, in days.</summary>
/// <param name="MinDays">Sum of every component's minimum: no route is faster.</param>
/// <param name="MaxDays">Sum of every component's maximum: no route is slower.</param>
public readonly record struct TransitDays(double P10, double P50, double P90, double MinDays, double MaxDays);

/// <summary>
/// Turns a route's summed components into P10 / P50 / P90 days.
/// </summary>
/// <remarks>
/// Method (README "Transit time"): each link's moving time and each dwell is a PERT (Beta) estimate from its
/// min / typical / max. Delays on a China–Europe journey are not independent — a congested border, a backlog at
/// a ferry port and slow trains come together — so the components are treated as comonotonic (fully positively
/// dependent): the route's q-th percentile is then exactly the sum of the components' q-th percentiles. This is
/// the widest spread the component ranges allow; independence would make P10–P90 about a third as wide, narrower
/// than every published range (NR-15: 13–19 days; MC-10: 20–25 days). P50 is the sum of the components' medians,
/// an additive cost, so the "fastest" route is exactly the route with the lowest P50. P10 ≤ P50 ≤ P90 and all lie
/// within [sum of minima, sum of maxima] by construction. Deterministic: no sampling.
/// </remarks>
public static class TransitDistribution
{
    public const double HoursPerDay = 24.0;

    public static TransitDays FromHours(Pert totalHours) => new(
        totalHours.P10 / HoursPerDay,
        totalHours.P50 / HoursPerDay,
        totalHours.P90 / HoursPerDay,
        totalHours.Min / HoursPerDay,
        totalHours.Max / HoursPerDay);
}
