using Corridors.Domain.Geo;
using NetTopologySuite.Geometries;

namespace Corridors.Cli;

/// <summary>
/// What a command may touch: its output and error writers and the folder it runs in. Tests pass string writers
/// and a temp folder; nothing reads <see cref="Console"/> or the process's current directory directly.
/// </summary>
internal sealed class CliContext(TextWriter output, TextWriter error, string currentDirectory, TimeProvider? clock = null)
{
    public TextWriter Output { get; } = output;

    public TextWriter Error { get; } = error;

    public string CurrentDirectory { get; } = currentDirectory;

    /// <summary>The clock that gives today's date when a query names no as-of date.</summary>
    public TimeProvider Clock { get; } = clock ?? TimeProvider.System;

    /// <summary>The one WGS84 geometry factory of this run.</summary>
    public GeometryFactory GeometryFactory { get; } = Wgs84.CreateFactory();
}
