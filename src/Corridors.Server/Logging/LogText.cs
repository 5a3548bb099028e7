using System.Text;

namespace Corridors.Server.Logging;

/// <summary>Makes text from a client safe for a log line or a terminal: control characters become escapes.</summary>
public static class LogText
{
    /// <summary>Longest client text written to a log line; the rest is cut and marked.</summary>
    public const int MaxCharacters = 300;

    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        bool clean = text.Length <= MaxCharacters;
        foreach (char c in text)
        {
            clean &= !NeedsEscape(c);
        }

        if (clean)
        {
            return text;
        }

        var escaped = new StringBuilder(Math.Min(text.Length, MaxCharacters) + 16);
        foreach (char c in text.AsSpan(0, Math.Min(text.Length, MaxCharacters)))
        {
            switch (c)
            {
                case '\n': escaped.Append("\\n"); break;
                case '\r': escaped.Append("\\r"); break;
                case '\t': escaped.Append("\\t"); break;
                case '\\': escaped.Append('\\').Append('\\'); break;
                default:
                    if (NeedsEscape(c))
                    {
                        escaped.Append("\\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        escaped.Append(c);
                    }

                    break;
            }
        }

        if (text.Length > MaxCharacters)
        {
            escaped.Append("…(").Append(text.Length - MaxCharacters).Append(" more characters)");
        }

        return escaped.ToString();
    }

    /// <summary>C0 and C1 controls, DEL, and the bidirectional overrides that can disguise a line.</summary>
    private static bool NeedsEscape(char c) =>
        char.IsControl(c) || c is '\\' or (>= '\u202a' and <= '\u202e') or (>= '\u2066' and <= '\u2069');
}
