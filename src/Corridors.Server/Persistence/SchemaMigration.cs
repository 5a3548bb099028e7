namespace Corridors.Server.Persistence;

/// <summary>One step of a store's schema (<see cref="SqliteSchema"/>, <see cref="Postgres.PostgresSchema"/>).</summary>
/// <param name="ToVersion">The schema version after this migration.</param>
/// <param name="Description">What it adds.</param>
/// <param name="Sql">The statements (static SQL, no input).</param>
internal sealed record SchemaMigration(int ToVersion, string Description, string Sql);
