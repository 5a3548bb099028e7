using Corridors.Domain.Dates;

namespace Corridors.Cli.Tests;

/// <summary>
/// The business date the CLI tests answer for: pinned on the day the sanction data was reviewed, so that answers
/// for "today" do not change with the calendar. Wall time (deadlines, timeouts) stays real.
/// </summary>
internal static class TestDates
{
    public static readonly DateOnly ReviewDay = new(2026, 11, 29);

    public static BusinessCalendar ReviewDayCalendar { get; } = BusinessCalendar.Pinned(ReviewDay);
}
