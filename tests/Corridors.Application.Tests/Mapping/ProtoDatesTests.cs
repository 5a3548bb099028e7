using System.Globalization;
using Corridors.Application.Mapping;

namespace Corridors.Application.Tests.Mapping;

/// <summary>Date texts are ISO calendar dates, kept per day between 1990 and 2100 and written afresh outside.</summary>
public sealed class ProtoDatesTests
{
    [Theory]
    [InlineData("0001-01-01", false)]
    [InlineData("1989-12-31", false)]
    [InlineData("1990-01-01", true)]
    [InlineData("2024-02-29", true)]
    [InlineData("2026-12-03", true)]
    [InlineData("2100-12-31", true)]
    [InlineData("2101-01-01", false)]
    [InlineData("9999-12-31", false)]
    public void ToText_WritesTheIsoDate_KeepingTheTextWithinTheRange(string iso, bool kept)
    {
        DateOnly date = DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

        string text = ProtoDates.ToText(date);

        Assert.Equal(iso, text);
        Assert.Equal(kept, ReferenceEquals(text, ProtoDates.ToText(date)));
        Assert.True(ProtoDates.TryParse(text, out DateOnly parsed));
        Assert.Equal(date, parsed);
    }

    [Fact]
    public void ToText_EveryDayOfTheKeptRange_IsItsOwnIsoDate()
    {
        for (var day = new DateOnly(1990, 1, 1); day <= new DateOnly(2100, 12, 31); day = day.AddDays(1))
        {
            Assert.Equal(day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ProtoDates.ToText(day));
        }
    }
}
