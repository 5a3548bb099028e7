using Corridors.Domain.Geo;
using NetTopologySuite.Geometries;

namespace Corridors.Cli;

/// <summary>
/// What a command may touch: its output and error writers, the folder it runs in and its environment variables.
/// Tests pass string writers, a temp folder and their own variables; nothing reads <see cref="Console"/>, the
/// process's current directory or its environment directly.
/// </summary>
internal sealed class CliContext(
    TextWriter output, TextWriter error, string currentDirectory, TimeProvider? clock = null, Func<string, string?>? environment = null)
{
    public TextWriter Output { get; } = output;

    public TextWriter Error { get; } = error;

    public string CurrentDirectory { get; } = currentDirectory;

    /// <summary>The clock that gives today's date when a query names no as-of date.</summary>
    public TimeProvider Clock { get; } = clock ?? TimeProvider.System;

    /// <summary>An environment variable's value, or null (default: the process's environment).</summary>
    public string? GetEnvironmentVariable(string name) => (environment ?? Environment.GetEnvironmentVariable)(name);

    /// <summary>The one WGS84 geometry factory of this run.</summary>
    public GeometryFactory GeometryFactory { get; } = Wgs84.CreateFactory();
}
