using Corridors.Domain.Network;

namespace Corridors.Domain.TransitTime;

/// <summary>
/// A min / typical / max estimate as a PERT distribution: a Beta distribution on [min, max] with mode = typical
/// and shape α = 1 + 4(typical − min)/(max − min), β = 1 + 4(max − typical)/(max − min) (the classic PERT,
/// Malcolm et al. 1959), summarised by its 10th, 50th and 90th percentiles. Sums of estimates add percentile by
/// percentile: see <see cref="TransitDistribution"/> for why.
/// </summary>
public readonly record struct Pert(double Min, double P10, double P50, double P90, double Max)
{
    /// <summary>Weight of the mode in the PERT Beta (λ = 4).</summary>
    public const double ModeWeight = 4.0;

    public static readonly Pert Zero = new(0, 0, 0, 0, 0);

    public static Pert Of(RangeFigure range)
    {
        ArgumentNullException.ThrowIfNull(range);
        return Of(range.Min, range.Typical, range.Max);
    }

    public static Pert Of(double min, double typical, double max)
    {
        double width = max - min;
        if (!(width > 0))
        {
            return new Pert(min, min, min, min, min);
        }

        double alpha = 1 + ModeWeight * (typical - min) / width;
        double beta = 1 + ModeWeight * (max - typical) / width;
        return new Pert(
            min,
            min + width * BetaDistribution.Quantile(0.10, alpha, beta),
            min + width * BetaDistribution.Quantile(0.50, alpha, beta),
            min + width * BetaDistribution.Quantile(0.90, alpha, beta),
            max);
    }

    /// <summary>Sum of comonotonic components: each percentile is the sum of the components' percentiles.</summary>
    public static Pert operator +(Pert a, Pert b) => new(a.Min + b.Min, a.P10 + b.P10, a.P50 + b.P50, a.P90 + b.P90, a.Max + b.Max);

    public Pert Add(Pert other) => this + other;
}
