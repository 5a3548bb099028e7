using Corridors.Domain.Network;

namespace Corridors.Domain.TransitTime;

/// <summary>
/// PERT (beta) summary of a min / typical / max estimate: mean = (min + 4·typical + max) / 6 and
/// standard deviation = (max − min) / 6 (Malcolm et al. 1959, the classic PERT approximation).
/// </summary>
public readonly record struct Pert(double Min, double Mean, double Variance, double Max)
{
    public static Pert Of(RangeFigure range)
    {
        ArgumentNullException.ThrowIfNull(range);
        return Of(range.Min, range.Typical, range.Max);
    }

    public static Pert Of(double min, double typical, double max)
    {
        double sd = (max - min) / 6.0;
        return new Pert(min, (min + 4 * typical + max) / 6.0, sd * sd, max);
    }

    public static readonly Pert Zero = new(0, 0, 0, 0);

    /// <summary>Sum of independent components: means, variances and bounds add.</summary>
    public static Pert operator +(Pert a, Pert b) => new(a.Min + b.Min, a.Mean + b.Mean, a.Variance + b.Variance, a.Max + b.Max);

    public Pert Add(Pert other) => this + other;
}
