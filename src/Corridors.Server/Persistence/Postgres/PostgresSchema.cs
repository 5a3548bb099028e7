using Npgsql;

namespace Corridors.Server.Persistence.Postgres;

/// <summary>
/// The scenario schema in PostgreSQL and its migrations, applied at start-up by whichever replica gets there first:
/// every replica takes the same transaction-scoped advisory lock before it reads the schema version, so two replicas
/// starting together run each migration once, and a replica that waited sees the other's work. Migrations run in
/// one transaction with the version bump (PostgreSQL's DDL is transactional), so the database is at one version or
/// the next, never between. Append new migrations at the end; never edit a released one.
/// </summary>
internal static class PostgresSchema
{
    /// <summary>The advisory lock key of the migrations: 'CORRSCHM' in ASCII, unlikely to collide with another application's.</summary>
    public const long MigrationLockKey = 0x434F_5252_5343_484D;

    /// <summary>The LISTEN/NOTIFY channel every write notifies (payload: <see cref="ChangePayload"/>).</summary>
    public const string Channel = "corridors_scenarios";

    /// <summary>The migrations, in order; migration <c>i</c> takes the schema from version <c>i</c> to <c>i + 1</c>.</summary>
    public static IReadOnlyList<SchemaMigration> Migrations { get; } =
    [
        // COLLATE "C": ids compare and sort by their bytes, the ordinal order SQLite's BINARY collation gives.
        new(1, "scenarios as documents, store-wide change counter",
            """
            CREATE TABLE scenarios (
                id              text   COLLATE "C" NOT NULL PRIMARY KEY,
                name            text   NOT NULL,
                version         bigint NOT NULL CHECK (version >= 1),
                definition_json text   NOT NULL,
                created_unix_ms bigint NOT NULL,
                updated_unix_ms bigint NOT NULL
            );
            CREATE TABLE store_counters (
                name  text   NOT NULL PRIMARY KEY,
                value bigint NOT NULL CHECK (value >= 0)
            );
            INSERT INTO store_counters (name, value) VALUES ('changes', 0);
            """),
    ];

    /// <summary>The schema version this build writes and reads.</summary>
    public static int LatestVersion => Migrations.Count;

    /// <summary>
    /// Brings the database to <see cref="LatestVersion"/> under the advisory lock and returns the version it was at.
    /// Throws <see cref="ScenarioStoreOpenException"/> when the schema is newer than this build.
    /// </summary>
    public static async Task<long> MigrateAsync(NpgsqlConnection connection, string target, CancellationToken cancellationToken)
    {
        await using NpgsqlTransaction transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (NpgsqlCommand take = new("SELECT pg_advisory_xact_lock($1)", connection, transaction))
        {
            take.Parameters.AddWithValue(MigrationLockKey);
            await take.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await Execute(connection, transaction, "CREATE TABLE IF NOT EXISTS corridors_schema (version integer NOT NULL CHECK (version >= 0));", cancellationToken)
            .ConfigureAwait(false);
        long version;
        await using (NpgsqlCommand read = new("SELECT version FROM corridors_schema", connection, transaction))
        {
            version = await read.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is int stored ? stored : -1;
        }

        if (version < 0)
        {
            await Execute(connection, transaction, "INSERT INTO corridors_schema (version) VALUES (0);", cancellationToken).ConfigureAwait(false);
            version = 0;
        }

        if (version > LatestVersion)
        {
            throw new ScenarioStoreOpenException(
                $"the PostgreSQL database {target} has scenario schema version {version}, newer than the {LatestVersion} this build knows; "
                + $"it was migrated by a newer Corridors. Run that version, or point {ScenarioStoreOptions.SectionName}:ConnectionString at another database. Nothing was changed.");
        }

        foreach (SchemaMigration migration in Migrations.Where(m => m.ToVersion > version))
        {
            await Execute(connection, transaction, migration.Sql, cancellationToken).ConfigureAwait(false);
        }

        await using (NpgsqlCommand bump = new("UPDATE corridors_schema SET version = $1", connection, transaction))
        {
            bump.Parameters.AddWithValue(LatestVersion);
            await bump.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return version;
    }

    private static async Task Execute(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using NpgsqlCommand command = new(sql, connection, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
