using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Corridors.Server.Persistence;

/// <summary>
/// The scenario database schema and its migrations. The schema version is SQLite's <c>PRAGMA user_version</c> (0 for
/// a new file); <c>PRAGMA application_id</c> marks the file as a Corridors scenario store. Migrations run in order,
/// all pending ones in ONE transaction with the version bump, so a file is at one version or the next, never between.
/// Append new migrations at the end; never edit a released one.
/// </summary>
internal static class SqliteSchema
{
    /// <summary>'CORR' in ASCII: <c>PRAGMA application_id</c> of a Corridors scenario store.</summary>
    public const int ApplicationId = 0x434F_5252;

    /// <summary>The migrations, in order; migration <c>i</c> takes the schema from version <c>i</c> to <c>i + 1</c>.</summary>
    public static IReadOnlyList<SchemaMigration> Migrations { get; } =
    [
        new(1, "scenarios as documents",
            """
            CREATE TABLE scenarios (
                id              TEXT    NOT NULL PRIMARY KEY,
                name            TEXT    NOT NULL,
                version         INTEGER NOT NULL CHECK (version >= 1),
                definition_json TEXT    NOT NULL,
                created_unix_ms INTEGER NOT NULL,
                updated_unix_ms INTEGER NOT NULL
            ) STRICT;
            """),
        new(2, "store-wide change counter",
            """
            CREATE TABLE store_counters (
                name  TEXT    NOT NULL PRIMARY KEY,
                value INTEGER NOT NULL CHECK (value >= 0)
            ) STRICT;
            INSERT INTO store_counters (name, value) VALUES ('changes', 0);
            """),
    ];

    /// <summary>The schema version this build writes and reads.</summary>
    public static int LatestVersion => Migrations.Count;

    public static long ReadUserVersion(SqliteConnection connection, SqliteTransaction? transaction = null) =>
        ScalarLong(connection, transaction, "PRAGMA user_version;");

    public static long ReadApplicationId(SqliteConnection connection, SqliteTransaction? transaction = null) =>
        ScalarLong(connection, transaction, "PRAGMA application_id;");

    /// <summary>Names of the tables in the file (to recognise a foreign database at version 0).</summary>
    public static IReadOnlyList<string> ReadTableNames(SqliteConnection connection, SqliteTransaction? transaction = null)
    {
        using SqliteCommand command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name;";
        using SqliteDataReader reader = command.ExecuteReader();
        var names = new List<string>();
        while (reader.Read())
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }

    /// <summary>
    /// Applies the migrations after <paramref name="fromVersion"/> up to <paramref name="toVersion"/> inside
    /// <paramref name="transaction"/> and sets <c>user_version</c> and <c>application_id</c>. The caller commits.
    /// </summary>
    public static void Apply(SqliteConnection connection, SqliteTransaction transaction, long fromVersion, int toVersion)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(toVersion, LatestVersion);
        foreach (SchemaMigration migration in Migrations)
        {
            if (migration.ToVersion > fromVersion && migration.ToVersion <= toVersion)
            {
                Execute(connection, transaction, migration.Sql);
            }
        }

        // PRAGMA values cannot be bound as parameters; these are integer constants of this build, not input.
        Execute(connection, transaction, string.Create(CultureInfo.InvariantCulture, $"PRAGMA user_version = {toVersion}; PRAGMA application_id = {ApplicationId};"));
    }

    private static long ScalarLong(SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
        using SqliteCommand command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private static void Execute(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        using SqliteCommand command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
