using System.Globalization;

namespace Corridors.Dashboard.Tests;

/// <summary>
/// Figures the tests measure but never assert (wall times on a shared machine vary): written one per line as
/// "name value" to dashboard-measurements.txt in the test output folder, and to CORRIDORS_SCREENSHOTS_DIR when set.
/// </summary>
internal static class Measurements
{
    private static readonly Lock Gate = new();

    public const string FileName = "dashboard-measurements.txt";

    /// <summary>Starts a fresh file for this run.</summary>
    public static void Reset()
    {
        foreach (string folder in Artifacts.Folders())
        {
            File.Delete(Path.Combine(folder, FileName));
        }
    }

    public static void Append(string name, double value)
    {
        string line = string.Create(CultureInfo.InvariantCulture, $"{name} {value:0.#}{Environment.NewLine}");
        lock (Gate)
        {
            foreach (string folder in Artifacts.Folders())
            {
                File.AppendAllText(Path.Combine(folder, FileName), line);
            }
        }
    }
}

/// <summary>Where screenshots and measurements go: the test output folder, plus CORRIDORS_SCREENSHOTS_DIR when set.</summary>
internal static class Artifacts
{
    public static IEnumerable<string> Folders()
    {
        string output = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(output);
        yield return output;
        string? extra = Environment.GetEnvironmentVariable("CORRIDORS_SCREENSHOTS_DIR");
        if (!string.IsNullOrWhiteSpace(extra))
        {
            Directory.CreateDirectory(extra);
            yield return Path.GetFullPath(extra);
        }
    }
}
