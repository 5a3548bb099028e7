namespace Corridors.Cli.Tests;

/// <summary>
/// A clock stopped on the day the data was reviewed, so that tests which ask for "today" keep working after the
/// sanction data's one-year range has run out (the service then refuses today's date, by design).
/// </summary>
internal sealed class TestClock(DateTimeOffset now) : TimeProvider
{
    public static readonly TestClock ReviewDay = new(new DateTimeOffset(2026, 11, 29, 12, 0, 0, TimeSpan.Zero));

    public override DateTimeOffset GetUtcNow() => now;
}
