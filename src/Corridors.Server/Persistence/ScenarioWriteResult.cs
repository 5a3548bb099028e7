namespace Corridors.Server.Persistence;

/// <summary>
/// The outcome of a write to an <see cref="IScenarioStore"/>. Every expected failure is a case here, not an exception;
/// whatever the case other than <see cref="Created"/>, <see cref="Updated"/> and <see cref="Deleted"/>, the stored
/// state is unchanged. Suggested gRPC mapping: <see cref="AlreadyExists"/> → ALREADY_EXISTS, <see cref="NotFound"/> →
/// NOT_FOUND, <see cref="VersionConflict"/> → ABORTED, <see cref="Invalid"/> → INVALID_ARGUMENT,
/// <see cref="TooLarge"/> and <see cref="LimitReached"/> → RESOURCE_EXHAUSTED, <see cref="StoreUnavailable"/> → UNAVAILABLE
/// (FAILED_PRECONDITION for <see cref="StoreUnavailableReason.ReadOnly"/> is also defensible).
/// </summary>
public abstract record ScenarioWriteResult
{
    private ScenarioWriteResult()
    {
    }

    /// <summary>The scenario was created at version 1.</summary>
    public sealed record Created(StoredScenario Scenario) : ScenarioWriteResult;

    /// <summary>The scenario was replaced; <see cref="NewVersion"/> is the version the client read plus 1.</summary>
    public sealed record Updated(StoredScenario Scenario) : ScenarioWriteResult
    {
        public long NewVersion => Scenario.Version;
    }

    /// <summary>The scenario was deleted; <paramref name="Version"/> is the version it had.</summary>
    public sealed record Deleted(string Id, long Version) : ScenarioWriteResult;

    /// <summary>Create: a scenario with this id exists (at <paramref name="CurrentVersion"/>).</summary>
    public sealed record AlreadyExists(string Id, long CurrentVersion) : ScenarioWriteResult;

    /// <summary>Update or delete: no scenario has this id.</summary>
    public sealed record NotFound(string Id) : ScenarioWriteResult;

    /// <summary>Update or delete: the client's version is stale; the scenario is at <paramref name="CurrentVersion"/>.</summary>
    public sealed record VersionConflict(string Id, long ExpectedVersion, long CurrentVersion) : ScenarioWriteResult;

    /// <summary>An argument is malformed: <paramref name="Field"/> is <c>id</c>, <c>name</c>, <c>definition_json</c> or <c>expected_version</c>.</summary>
    public sealed record Invalid(string Field, string Problem) : ScenarioWriteResult;

    /// <summary>The definition is larger than <see cref="ScenarioStoreOptions.MaxDefinitionBytes"/> (UTF-8 bytes).</summary>
    public sealed record TooLarge(int DefinitionBytes, int MaxDefinitionBytes) : ScenarioWriteResult;

    /// <summary>Create: the store already holds <see cref="ScenarioStoreOptions.MaxScenarios"/> scenarios.</summary>
    public sealed record LimitReached(int MaxScenarios) : ScenarioWriteResult;

    /// <summary>The store cannot write now (read-only file or folder, corrupt file, disk full, locked, I/O error).</summary>
    public sealed record StoreUnavailable(StoreUnavailableReason Reason, string Message) : ScenarioWriteResult;
}

/// <summary>Why a store cannot serve a write (or, for some reasons, a read).</summary>
public enum StoreUnavailableReason
{
    /// <summary>The store has not been opened (<c>InitializeAsync</c> not run yet).</summary>
    NotOpened = 1,

    /// <summary>The database file or its folder cannot be written; reads still work when the file exists.</summary>
    ReadOnly = 2,

    /// <summary>The file is not a database, or the database is damaged. Nothing is read or written.</summary>
    Corrupt = 3,

    /// <summary>The file's schema is newer than this build knows; the store refuses to open.</summary>
    SchemaTooNew = 4,

    /// <summary>Another process held the write lock for longer than <see cref="ScenarioStoreOptions.BusyTimeoutSeconds"/>.</summary>
    Busy = 5,

    /// <summary>The disk is full.</summary>
    DiskFull = 6,

    /// <summary>Any other I/O failure reported by the database engine, or the file cannot be created.</summary>
    IoError = 7,
}
