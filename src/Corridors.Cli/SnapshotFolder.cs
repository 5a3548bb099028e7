using System.Reflection;

namespace Corridors.Cli;

/// <summary>
/// Where the CLI keeps dataset snapshots (see <c>Corridors.Domain.Dataset.Snapshot</c>): <c>CORRIDORS_CACHE_DIR</c> if
/// set (<c>off</c> turns snapshots off), else <c>$XDG_CACHE_HOME/corridors</c>, else <c>~/.cache/corridors</c>. The
/// folder is only a cache: deleting it costs one slower run.
/// </summary>
internal static class SnapshotFolder
{
    public const string Variable = "CORRIDORS_CACHE_DIR";

    public const string OffValue = "off";

    /// <summary>The folder, or null when snapshots are off or there is no home to put them in.</summary>
    public static string? For(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.GetEnvironmentVariable(Variable) is { Length: > 0 } chosen)
        {
            return string.Equals(chosen, OffValue, StringComparison.OrdinalIgnoreCase) ? null : Path.GetFullPath(chosen);
        }

        if (context.GetEnvironmentVariable("XDG_CACHE_HOME") is { Length: > 0 } xdg && Path.IsPathRooted(xdg))
        {
            return Path.Combine(xdg, "corridors");
        }

        return context.GetEnvironmentVariable("HOME") is { Length: > 0 } home && Path.IsPathRooted(home)
            ? Path.Combine(home, ".cache", "corridors")
            : null;
    }

    /// <summary>This build's version (with its commit), part of every snapshot's key.</summary>
    public static string ToolVersion { get; } =
        typeof(SnapshotFolder).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
}
