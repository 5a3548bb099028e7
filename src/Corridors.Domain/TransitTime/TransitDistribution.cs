namespace Corridors.Domain.TransitTime;

/// <summary>Transit time of a route as percentiles, in days.</summary>
/// <param name="MinDays">Sum of every component's minimum: no route is faster.</param>
/// <param name="MaxDays">Sum of every component's maximum: no route is slower.</param>
public readonly record struct TransitDays(double P10, double P50, double P90, double MinDays, double MaxDays);

/// <summary>
/// Turns a route's summed components into P10 / P50 / P90 days.
/// </summary>
/// <remarks>
/// Method (documented in README "Transit time"): each link's moving time and each dwell is a PERT estimate;
/// components are treated as independent, so means and variances add; the total is approximated by a normal
/// distribution (central limit: a China–Europe route has 10–40 components) and its 10th/50th/90th percentiles are
/// clamped to [sum of minima, sum of maxima]. P50 therefore equals the sum of PERT means, which is exactly the
/// additive cost the router minimises for the "fastest" objective, so the fastest route is the one with the
/// lowest reported P50. Deterministic: no sampling.
/// </remarks>
public static class TransitDistribution
{
    /// <summary>z-score of the 90th percentile of the standard normal distribution.</summary>
    public const double Z90 = 1.2815515655446004;

    public const double HoursPerDay = 24.0;

    public static TransitDays FromHours(Pert totalHours)
    {
        double sd = Math.Sqrt(Math.Max(0, totalHours.Variance));
        double p50 = Math.Clamp(totalHours.Mean, totalHours.Min, totalHours.Max);
        double p10 = Math.Clamp(totalHours.Mean - Z90 * sd, totalHours.Min, p50);
        double p90 = Math.Clamp(totalHours.Mean + Z90 * sd, p50, totalHours.Max);
        return new TransitDays(
            p10 / HoursPerDay,
            p50 / HoursPerDay,
            p90 / HoursPerDay,
            totalHours.Min / HoursPerDay,
            totalHours.Max / HoursPerDay);
    }
}
