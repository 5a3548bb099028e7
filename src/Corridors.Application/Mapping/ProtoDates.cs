using System.Globalization;

namespace Corridors.Application.Mapping;

/// <summary>The API's date format: ISO 8601 calendar dates, <c>YYYY-MM-DD</c>.</summary>
public static class ProtoDates
{
    public const string Format = "yyyy-MM-dd";

    /// <summary>The first and last day whose text is kept: every date the data and its answers name falls between.</summary>
    private static readonly DateOnly FirstKept = new(1990, 1, 1);

    private static readonly DateOnly LastKept = new(2100, 12, 31);

    /// <summary>
    /// Each kept day's text, written on first use: an answer names a dozen dates (the as-of date, each exposure's
    /// entry into force, the review dates), the same ones answer after answer. 40,542 days of 8-byte references: 317 KiB.
    /// </summary>
    private static readonly string?[] Texts = new string?[LastKept.DayNumber - FirstKept.DayNumber + 1];

    public static string ToText(DateOnly date)
    {
        if (date < FirstKept || date > LastKept)
        {
            return Write(date);
        }

        // Two threads may both write a day's text the first time: equal strings, either kept.
        ref string? kept = ref Texts[date.DayNumber - FirstKept.DayNumber];
        return kept ??= Write(date);
    }

    /// <summary>Parses exactly <c>YYYY-MM-DD</c> (no time, no offset, no other layout).</summary>
    public static bool TryParse(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text, Format, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    private static string Write(DateOnly date) => date.ToString(Format, CultureInfo.InvariantCulture);
}
