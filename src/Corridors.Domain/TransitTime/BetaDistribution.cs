namespace Corridors.Domain.TransitTime;

/// <summary>
/// The Beta(α, β) distribution on [0, 1]: its CDF (the regularized incomplete beta function, evaluated with the
/// continued fraction of Abramowitz &amp; Stegun 26.5.8 by the modified Lentz method) and its quantile (bisection on
/// the CDF, which is monotone).
/// </summary>
public static class BetaDistribution
{
    private const int MaxFractionTerms = 300;
    private const double FractionTolerance = 1e-14;
    private const double Tiny = 1e-300;
    private const int MaxQuantileSteps = 200;
    private const double QuantileTolerance = 1e-12;

    /// <summary>P(X ≤ x) for X ~ Beta(α, β); α, β &gt; 0; x outside [0, 1] is clamped.</summary>
    public static double Cdf(double x, double alpha, double beta)
    {
        if (!(alpha > 0) || !(beta > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(alpha), "Beta parameters must be positive.");
        }

        return Cdf(x, alpha, beta, LogBeta(alpha, beta));
    }

    /// <summary>
    /// The x with P(X ≤ x) = <paramref name="probability"/> for X ~ Beta(α, β), to 1e-12: Newton steps on the CDF,
    /// falling back to bisection whenever a step would leave the bracket that holds the root.
    /// </summary>
    public static double Quantile(double probability, double alpha, double beta)
    {
        if (probability is < 0 or > 1 || double.IsNaN(probability))
        {
            throw new ArgumentOutOfRangeException(nameof(probability), probability, "A probability is in [0, 1].");
        }

        if (!(alpha > 0) || !(beta > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(alpha), "Beta parameters must be positive.");
        }

        double logBeta = LogBeta(alpha, beta);
        double low = 0;
        double high = 1;
        double x = alpha / (alpha + beta); // the mean: a good start
        for (int i = 0; i < MaxQuantileSteps; i++)
        {
            double error = Cdf(x, alpha, beta, logBeta) - probability;
            if (Math.Abs(error) < QuantileTolerance)
            {
                return x;
            }

            if (error < 0)
            {
                low = x;
            }
            else
            {
                high = x;
            }

            double density = Math.Exp((alpha - 1) * Math.Log(x) + (beta - 1) * Math.Log(1 - x) - logBeta);
            double next = density > 0 ? x - error / density : double.NaN;
            x = next > low && next < high ? next : (low + high) / 2;
            if (high - low < QuantileTolerance)
            {
                break;
            }
        }

        return x;
    }

    private static double Cdf(double x, double alpha, double beta, double logBeta)
    {
        if (x <= 0)
        {
            return 0;
        }

        if (x >= 1)
        {
            return 1;
        }

        // The continued fraction converges fast for x < (α + 1) / (α + β + 2); use the symmetry I_x(a,b) = 1 − I_{1−x}(b,a) otherwise.
        if (x > (alpha + 1) / (alpha + beta + 2))
        {
            return 1 - Cdf(1 - x, beta, alpha, logBeta);
        }

        double logFront = alpha * Math.Log(x) + beta * Math.Log(1 - x) - logBeta;
        return Math.Exp(logFront) * ContinuedFraction(x, alpha, beta) / alpha;
    }

    private static double LogBeta(double a, double b) => LogGamma(a) + LogGamma(b) - LogGamma(a + b);

    /// <summary>ln Γ(x) for x &gt; 0 by the Lanczos approximation (g = 7, n = 9; relative error below 1e-15).</summary>
    private static double LogGamma(double x)
    {
        if (x < 0.5)
        {
            // Reflection: Γ(x) Γ(1 − x) = π / sin(πx).
            return Math.Log(Math.PI / Math.Sin(Math.PI * x)) - LogGamma(1 - x);
        }

        ReadOnlySpan<double> c =
        [
            0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
            12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
        ];
        x -= 1;
        double sum = c[0];
        for (int i = 1; i < c.Length; i++)
        {
            sum += c[i] / (x + i);
        }

        double t = x + 7.5;
        return 0.5 * Math.Log(2 * Math.PI) + (x + 0.5) * Math.Log(t) - t + Math.Log(sum);
    }

    /// <summary>The continued fraction for I_x(a, b) (A&amp;S 26.5.8), evaluated with the modified Lentz method.</summary>
    private static double ContinuedFraction(double x, double a, double b)
    {
        double c = 1;
        double d = 1 - (a + b) * x / (a + 1);
        d = Math.Abs(d) < Tiny ? Tiny : d;
        d = 1 / d;
        double result = d;
        for (int m = 1; m <= MaxFractionTerms; m++)
        {
            // Even step: d_{2m} = m (b − m) x / ((a + 2m − 1)(a + 2m)).
            double even = m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m));
            d = 1 + even * d;
            d = Math.Abs(d) < Tiny ? Tiny : d;
            c = 1 + even / c;
            c = Math.Abs(c) < Tiny ? Tiny : c;
            d = 1 / d;
            result *= d * c;

            // Odd step: d_{2m+1} = −(a + m)(a + b + m) x / ((a + 2m)(a + 2m + 1)).
            double odd = -(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 2 * m + 1));
            d = 1 + odd * d;
            d = Math.Abs(d) < Tiny ? Tiny : d;
            c = 1 + odd / c;
            c = Math.Abs(c) < Tiny ? Tiny : c;
            d = 1 / d;
            double delta = d * c;
            result *= delta;
            if (Math.Abs(delta - 1) < FractionTolerance)
            {
                break;
            }
        }

        return result;
    }
}
