using System.ComponentModel.DataAnnotations;

namespace Corridors.Server.Persistence;

/// <summary>
/// Settings of the scenario store, bound from <c>Corridors:ScenarioStore</c> (e.g. <c>Corridors__ScenarioStore__DatabasePath=/var/lib/corridors/scenarios.db</c>)
/// and validated at start-up (<see cref="ScenarioStoreOptionsValidator"/> checks the provider and the connection string). The defaults below are the only defaults; <c>ScenarioStoreOptionsTests</c> pins them.
/// </summary>
public sealed class ScenarioStoreOptions
{
    public const string SectionName = "Corridors:ScenarioStore";

    /// <summary>
    /// Where scenarios live: <see cref="ScenarioStoreProvider.Sqlite"/> (the file <see cref="DatabasePath"/>, one
    /// server) or <see cref="ScenarioStoreProvider.Postgres"/> (the database <see cref="ConnectionString"/> names,
    /// shared by every replica). Default Sqlite.
    /// </summary>
    public ScenarioStoreProvider Provider { get; set; } = ScenarioStoreProvider.Sqlite;

    /// <summary>
    /// The Npgsql connection string of the shared database when <see cref="Provider"/> is Postgres, e.g.
    /// <c>Host=db;Port=5432;Database=corridors;Username=corridors;Password=…</c>; ignored for SQLite. Keep it out of
    /// files: set <c>Corridors__ScenarioStore__ConnectionString</c> from a secret. Never logged. Default empty.
    /// </summary>
    public string ConnectionString { get; set; } = string.Empty;

    /// <summary>
    /// PostgreSQL: the longest wait between two attempts to reach the database after it was lost (the first retry
    /// comes after 250 ms, each next one waits twice as long up to this), in seconds. Default 5.
    /// </summary>
    [Range(1, 300)]
    public int ReconnectMaxSeconds { get; set; } = 5;

    /// <summary>
    /// PostgreSQL: how often the listening connection, when idle, checks that the database is still there, in
    /// seconds; a lost database is noticed within this (or at once when it closes the connection). Default 5.
    /// </summary>
    [Range(1, 300)]
    public int KeepaliveSeconds { get; set; } = 5;

    /// <summary>
    /// The SQLite database file. A relative path is relative to the server's content root (the folder holding
    /// appsettings.json when run with <c>dotnet run --project src/Corridors.Server</c>). The file and its folder are
    /// created on first start; the SQLite files beside it (<c>-wal</c>, <c>-shm</c>) must be writable too.
    /// Default <c>data/corridors.db</c>.
    /// </summary>
    [Required(AllowEmptyStrings = false)]
    public string DatabasePath { get; set; } = "data/corridors.db";

    /// <summary>Largest scenario definition accepted, in UTF-8 bytes of its JSON. Default 256 KiB (262,144).</summary>
    [Range(1_024, 16 * 1024 * 1024)]
    public int MaxDefinitionBytes { get; set; } = 256 * 1024;

    /// <summary>Most scenarios the store holds; a create beyond it gets <see cref="ScenarioWriteResult.LimitReached"/>. Default 1,000.</summary>
    [Range(1, 1_000_000)]
    public int MaxScenarios { get; set; } = 1_000;

    /// <summary>Longest scenario id, in characters. Default 128.</summary>
    [Range(1, 1_024)]
    public int MaxIdLength { get; set; } = 128;

    /// <summary>Longest scenario name, in characters. Default 200.</summary>
    [Range(1, 10_000)]
    public int MaxNameLength { get; set; } = 200;

    /// <summary>
    /// How long an operation waits for another process's lock before it gets <see cref="StoreUnavailableReason.Busy"/>,
    /// in seconds (SQLite <c>busy_timeout</c> and the command timeout of Microsoft.Data.Sqlite, which retries locked
    /// statements itself; PostgreSQL: the command timeout). Default 5.
    /// </summary>
    [Range(1, 600)]
    public int BusyTimeoutSeconds { get; set; } = 5;

    /// <summary>Changes buffered per change subscriber before the oldest is dropped. Default 256.</summary>
    [Range(1, 1_000_000)]
    public int ChangeBufferCapacity { get; set; } = 256;

    /// <summary>The absolute database path: <see cref="DatabasePath"/> as is when absolute, else under <paramref name="contentRootPath"/>.</summary>
    public string ResolveDatabasePath(string contentRootPath)
    {
        ArgumentException.ThrowIfNullOrEmpty(contentRootPath);
        return Path.GetFullPath(Path.Combine(contentRootPath, DatabasePath));
    }
}
