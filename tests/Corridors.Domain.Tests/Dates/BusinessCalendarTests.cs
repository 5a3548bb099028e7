using Corridors.Domain.Dates;
using Microsoft.Extensions.Time.Testing;

namespace Corridors.Domain.Tests.Dates;

public sealed class BusinessCalendarTests
{
    [Fact]
    public void Pinned_NeverChangesAndNeverSchedulesAChange()
    {
        BusinessCalendar calendar = BusinessCalendar.Pinned(new DateOnly(2015, 3, 1));

        Assert.Equal(new DateOnly(2015, 3, 1), calendar.Today);
        Assert.Null(calendar.UntilNextDay);
        Assert.True(calendar.IsPinned);
    }

    [Fact]
    public void UtcDateOfAClock_FollowsItsUtcDateAndCountsDownToMidnight()
    {
        var wall = new FakeTimeProvider(new DateTimeOffset(2031, 6, 1, 23, 59, 0, TimeSpan.FromHours(3)));
        BusinessCalendar calendar = BusinessCalendar.UtcDateOf(wall);

        Assert.Equal(new DateOnly(2031, 6, 1), calendar.Today); // 20:59 UTC
        Assert.Equal(TimeSpan.FromHours(3) + TimeSpan.FromMinutes(1), calendar.UntilNextDay);

        wall.Advance(TimeSpan.FromHours(3) + TimeSpan.FromMinutes(1));
        Assert.Equal(new DateOnly(2031, 6, 2), calendar.Today);
        Assert.Equal(TimeSpan.FromDays(1), calendar.UntilNextDay);
        Assert.False(calendar.IsPinned);
    }
}
