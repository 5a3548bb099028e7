using Corridors.Domain.Dataset;
using Corridors.Domain.Dates;
using Corridors.Domain.Risk;
using Corridors.Domain.Routing;

namespace Corridors.Domain.Tests.Dates;

public sealed class AsOfRangeTests
{
    private static readonly AsOfRange Range = new(new DateOnly(2014, 1, 1), AsOfRange.Horizon);

    [Fact]
    public void Horizon_IsTheLastDayOf2040()
    {
        Assert.Equal(new DateOnly(2040, 12, 31), AsOfRange.Horizon);
    }

    [Theory]
    [InlineData("2014-01-01")]
    [InlineData("2026-11-29")]
    [InlineData("2031-06-01")]
    [InlineData("2040-12-31")]
    public void DatesFromTheEarliestDataToTheHorizon_AreAnswered(string date)
    {
        Assert.Null(Range.Check(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void DateBeforeTheData_IsRefusedNamingTheRange()
    {
        Assert.Equal(
            new QueryError("as_of", "as-of date 2013-12-31 is outside the answered range 2014-01-01 … 2040-12-31 (before 2014-01-01, the earliest date the data is collected for)"),
            Range.Check(new DateOnly(2013, 12, 31)));
    }

    [Fact]
    public void DateAfterTheHorizon_IsRefusedNamingTheRange()
    {
        Assert.Equal(
            new QueryError("as_of", "as-of date 2041-01-01 is outside the answered range 2014-01-01 … 2040-12-31 (after 2040-12-31, the horizon of the service's forecasts)"),
            Range.Check(new DateOnly(2041, 1, 1)));
    }

    [Fact]
    public void RiskBasis_IsReviewedUpToTheReviewDayAndProjectedAfter()
    {
        var coverage = new DataCoverage(new DateOnly(2014, 1, 1), new DateOnly(2026, 11, 29), new DateOnly(2027, 11, 29));

        Assert.Equal(RiskBasis.Reviewed, coverage.BasisOn(new DateOnly(2026, 11, 29)));
        Assert.Equal(RiskBasis.Projected, coverage.BasisOn(new DateOnly(2026, 11, 30)));
    }

    [Theory]
    [InlineData("2026-11-29", 0, 365, false)]
    [InlineData("2027-11-29", 365, 0, false)]
    [InlineData("2027-11-30", 366, -1, true)]
    [InlineData("2032-12-02", 2195, -1830, true)]
    public void Freshness_CountsDaysFromTheReviewAndTurnsStaleAfterFreshUntil(string today, int ageDays, int daysLeft, bool stale)
    {
        var coverage = new DataCoverage(new DateOnly(2014, 1, 1), new DateOnly(2026, 11, 29), new DateOnly(2027, 11, 29));

        DataFreshness freshness = coverage.FreshnessOn(DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(ageDays, freshness.AgeDays);
        Assert.Equal(daysLeft, freshness.DaysLeft);
        Assert.Equal(stale, freshness.IsStale);
    }

    [Fact]
    public void TodayPastTheHorizon_IsStillAnswered()
    {
        CorridorDataset dataset = Routing.RouterFactory.WithoutMeasures(Routing.TestNetworks.Random(seed: 1));

        Assert.Equal(AsOfRange.Horizon, dataset.AsOfRangeOn(new DateOnly(2030, 1, 1)).Latest);
        Assert.Equal(new DateOnly(2045, 3, 1), dataset.AsOfRangeOn(new DateOnly(2045, 3, 1)).Latest);
    }
}
