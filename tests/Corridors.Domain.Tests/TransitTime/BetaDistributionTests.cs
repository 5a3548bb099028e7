using Corridors.Domain.TransitTime;

namespace Corridors.Domain.Tests.TransitTime;

/// <summary>The Beta CDF and quantile against closed forms, and the PERT summary against its definition.</summary>
public class BetaDistributionTests
{
    [Theory]
    [InlineData(0.1)]
    [InlineData(0.5)]
    [InlineData(0.9)]
    public void Quantiles_MatchClosedForms(double q)
    {
        Assert.Equal(q, BetaDistribution.Quantile(q, 1, 1), 1e-12);                   // uniform
        Assert.Equal(Math.Sqrt(q), BetaDistribution.Quantile(q, 2, 1), 1e-12);        // CDF x²
        Assert.Equal(1 - Math.Sqrt(1 - q), BetaDistribution.Quantile(q, 1, 2), 1e-12); // CDF 1 − (1 − x)²
    }

    [Fact]
    public void Cdf_MatchesNumericalIntegration()
    {
        // Beta(3, 7) density x²(1−x)⁶ / B(3,7), B(3,7) = 2! 6! / 9! = 1/252; Simpson's rule on [0, 0.3].
        const int n = 2000;
        double h = 0.3 / n;
        double sum = 0;
        for (int i = 0; i <= n; i++)
        {
            double x = i * h;
            double f = 252 * x * x * Math.Pow(1 - x, 6);
            sum += (i == 0 || i == n ? 1 : i % 2 == 1 ? 4 : 2) * f;
        }

        Assert.Equal(sum * h / 3, BetaDistribution.Cdf(0.3, 3, 7), 1e-9);
    }

    [Fact]
    public void SymmetricPert_HasItsTypicalValueAsMedian_AndSymmetricTails()
    {
        Pert pert = Pert.Of(10, 20, 30);

        Assert.Equal(20, pert.P50, 1e-9);
        Assert.Equal(pert.P50 - pert.P10, pert.P90 - pert.P50, 1e-9);
        Assert.InRange(pert.P10, 10, 20);
    }

    [Fact]
    public void RightSkewedPert_HasItsMedianAboveTheMode()
    {
        Pert pert = Pert.Of(48, 72, 336); // the Caspian ferry wait (MC-18)

        Assert.True(pert.P50 > 72 && pert.P50 < (48 + 4 * 72 + 336) / 6.0, $"median {pert.P50}");
        Assert.True(pert.P90 - pert.P50 > pert.P50 - pert.P10);
    }

    [Fact]
    public void DegenerateRange_IsAPoint()
    {
        Assert.Equal(new Pert(120, 120, 120, 120, 120), Pert.Of(120, 120, 120));
    }
}
