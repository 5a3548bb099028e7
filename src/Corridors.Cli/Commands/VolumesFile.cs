using System.Globalization;
using Corridors.Contracts.V1;

namespace Corridors.Cli.Commands;

/// <summary>
/// Reads a volumes file for <c>corridors capacity --volumes FILE</c>: CSV lines <c>origin,destination,teu_per_year</c>
/// (an optional header line starting with <c>origin</c>, blank lines and <c>#</c> comments skipped). Only the shape
/// is checked here (three fields, a number); the places and the values are checked by the application layer, in
/// process and on a server alike, which names entry <c>volumes[i]</c> (the i-th data line, from 0).
/// </summary>
internal static class VolumesFile
{
    /// <summary>Largest file read, in bytes: 200 pairs of long names fit in well under 64 KiB.</summary>
    public const long MaxBytes = 64 * 1024;

    /// <summary>
    /// The volumes, or null with the problems added to <paramref name="errors"/>. A relative <paramref name="path"/> is
    /// taken from <paramref name="currentDirectory"/> (the CLI's, not the process's); messages name it as given.
    /// </summary>
    public static List<OdVolume>? Read(string path, string currentDirectory, List<string> errors)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(currentDirectory);
        ArgumentNullException.ThrowIfNull(errors);
        var info = new FileInfo(Path.Combine(currentDirectory, path));
        if (!info.Exists)
        {
            errors.Add($"--volumes: file '{path}' does not exist");
            return null;
        }

        if (info.Length > MaxBytes)
        {
            errors.Add($"--volumes: file '{path}' is {info.Length} bytes; at most {MaxBytes} bytes are read");
            return null;
        }

        string[] lines;
        try
        {
            lines = File.ReadAllLines(info.FullName);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            errors.Add($"--volumes: cannot read '{path}': {e.Message}");
            return null;
        }

        var volumes = new List<OdVolume>();
        int before = errors.Count;
        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i].Trim();
            if (line.Length == 0 || line.StartsWith('#') || (volumes.Count == 0 && line.StartsWith("origin", StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            string[] fields = line.Split(',', StringSplitOptions.TrimEntries);
            if (fields.Length != 3)
            {
                errors.Add($"--volumes: line {i + 1}: expected origin,destination,teu_per_year but found {fields.Length} field(s)");
                continue;
            }

            // NaN and infinities parse here and are refused, with the entry named, by the application layer.
            if (!double.TryParse(fields[2], NumberStyles.Float, CultureInfo.InvariantCulture, out double teu))
            {
                errors.Add($"--volumes: line {i + 1}: '{fields[2]}' is not a number of TEU per year");
                continue;
            }

            volumes.Add(new OdVolume { Origin = fields[0], Destination = fields[1], TeuPerYear = teu });
        }

        if (errors.Count == before && volumes.Count == 0)
        {
            errors.Add($"--volumes: file '{path}' has no volume lines");
        }

        return errors.Count == before ? volumes : null;
    }
}
