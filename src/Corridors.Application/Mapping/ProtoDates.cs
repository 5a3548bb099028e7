using System.Globalization;

namespace Corridors.Application.Mapping;

/// <summary>The API's date format: ISO 8601 calendar dates, <c>YYYY-MM-DD</c>.</summary>
public static class ProtoDates
{
    public const string Format = "yyyy-MM-dd";

    public static string ToText(DateOnly date) => date.ToString(Format, CultureInfo.InvariantCulture);

    /// <summary>Parses exactly <c>YYYY-MM-DD</c> (no time, no offset, no other layout).</summary>
    public static bool TryParse(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text, Format, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
}
