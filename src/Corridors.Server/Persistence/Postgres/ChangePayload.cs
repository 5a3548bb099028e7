using System.Globalization;

namespace Corridors.Server.Persistence.Postgres;

/// <summary>
/// The NOTIFY payload of a committed write: <c>sequence version kind id</c>, space-separated, the id last because it
/// is the only part that is not a number or a word (it holds no white space: <see cref="ScenarioDocumentRules"/>).
/// At most about 1,100 bytes for the longest id, well under PostgreSQL's 8,000-byte payload limit.
/// </summary>
internal static class ChangePayload
{
    public static string Write(ScenarioChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        return string.Create(CultureInfo.InvariantCulture, $"{change.Sequence} {change.Version} {change.Kind} {change.Id}");
    }

    /// <summary>The change, or null for a payload this build does not understand (the listener then catches up instead).</summary>
    public static ScenarioChange? TryRead(string payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        string[] parts = payload.Split(' ', 4);
        return parts.Length == 4
            && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out long sequence)
            && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out long version)
            && Enum.TryParse(parts[2], ignoreCase: false, out ScenarioChangeKind kind)
            && Enum.IsDefined(kind)
            && parts[3].Length > 0
            ? new ScenarioChange(sequence, parts[3], version, kind)
            : null;
    }
}
