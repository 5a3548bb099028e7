using Corridors.Domain.Dates;
using Corridors.Domain.Geo;
using NetTopologySuite.Geometries;

namespace Corridors.Cli;

/// <summary>
/// What a command may touch: its output and error writers, the folder it runs in, its business date and its
/// environment variables. Tests pass string writers, a temp folder, a pinned date and their own variables; nothing
/// reads <see cref="Console"/>, the process's current directory or its environment directly.
/// </summary>
internal sealed class CliContext(
    TextWriter output,
    TextWriter error,
    string currentDirectory,
    BusinessCalendar? calendar = null,
    Func<string, string?>? environment = null,
    string? bundledNetworksDirectory = null)
{
    public TextWriter Output { get; } = output;

    public TextWriter Error { get; } = error;

    public string CurrentDirectory { get; } = currentDirectory;

    /// <summary>Today's business date: the as-of date of a query that names none. Never used for wall time.</summary>
    public BusinessCalendar Calendar { get; } = calendar ?? BusinessCalendar.System;

    /// <summary>
    /// A gRPC deadline <paramref name="timeout"/> from now by the machine's real clock. Deadlines are wall time: a
    /// pinned business date must never move them.
    /// </summary>
    public static DateTime DeadlineIn(TimeSpan timeout) => TimeProvider.System.GetUtcNow().UtcDateTime.Add(timeout);

    /// <summary>An environment variable's value, or null (default: the process's environment).</summary>
    public string? GetEnvironmentVariable(string name) => (environment ?? Environment.GetEnvironmentVariable)(name);

    /// <summary>
    /// The networks shipped with the tool (<c>networks/</c> next to <c>corridors.dll</c> in the installed package), used
    /// when no networks folder is found from the current folder; null or missing when run from a build, which has none.
    /// </summary>
    public string? BundledNetworksDirectory { get; } = bundledNetworksDirectory;

    /// <summary>The one WGS84 geometry factory of this run.</summary>
    public GeometryFactory GeometryFactory { get; } = Wgs84.CreateFactory();
}
