namespace Corridors.Domain.Dates;

/// <summary>
/// What "today" means to the business: the default as-of date of a query and the day data freshness is judged on.
/// It is a calendar date, not a clock, and deliberately a different type from <see cref="TimeProvider"/>: wall time
/// (gRPC deadlines, timeouts, heartbeats, retries, cache expiry) always comes from a <see cref="TimeProvider"/>, never
/// from here, so pinning the business date (in tests, or to replay a day) can never put a deadline in the past.
/// </summary>
public abstract class BusinessCalendar
{
    /// <summary>Today's business date.</summary>
    public abstract DateOnly Today { get; }

    /// <summary>
    /// Wall time until <see cref="Today"/> next changes by itself, never less than 1 ms; null when it never does
    /// (a pinned date).
    /// </summary>
    public abstract TimeSpan? UntilNextDay { get; }

    /// <summary>True when <see cref="Today"/> is pinned rather than read from a clock.</summary>
    public bool IsPinned => UntilNextDay is null;

    /// <summary>The UTC date of the machine's clock.</summary>
    public static BusinessCalendar System { get; } = new WallClockDate(TimeProvider.System);

    /// <summary>The UTC date of <paramref name="wallClock"/>: changes at each UTC midnight of that clock.</summary>
    public static BusinessCalendar UtcDateOf(TimeProvider wallClock)
    {
        ArgumentNullException.ThrowIfNull(wallClock);
        return new WallClockDate(wallClock);
    }

    /// <summary>A business date that never changes (tests, demonstrations, replaying a day).</summary>
    public static BusinessCalendar Pinned(DateOnly today) => new PinnedDate(today);

    private sealed class WallClockDate(TimeProvider wallClock) : BusinessCalendar
    {
        public override DateOnly Today => DateOnly.FromDateTime(wallClock.GetUtcNow().UtcDateTime);

        public override TimeSpan? UntilNextDay
        {
            get
            {
                DateTimeOffset now = wallClock.GetUtcNow();
                var midnight = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero).AddDays(1);
                return TimeSpan.FromTicks(Math.Max(TimeSpan.TicksPerMillisecond, (midnight - now).Ticks));
            }
        }

        public override string ToString() => $"UTC date of the clock ({Today:yyyy-MM-dd})";
    }

    private sealed class PinnedDate(DateOnly today) : BusinessCalendar
    {
        public override DateOnly Today => today;

        public override TimeSpan? UntilNextDay => null;

        public override string ToString() => $"pinned {today:yyyy-MM-dd}";
    }
}
