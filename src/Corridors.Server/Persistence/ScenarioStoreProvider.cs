namespace Corridors.Server.Persistence;

/// <summary>Which database keeps the stored scenarios (<c>Corridors:ScenarioStore:Provider</c>).</summary>
public enum ScenarioStoreProvider
{
    /// <summary>One SQLite file on this machine: the embedded default, for a single server.</summary>
    Sqlite = 1,

    /// <summary>One PostgreSQL database shared by several replicas, which see each other's changes.</summary>
    Postgres = 2,
}
