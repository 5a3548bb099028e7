namespace Corridors.Server.Persistence;

/// <summary>
/// Where user scenarios live, as documents (<see cref="StoredScenario"/>), independent of the domain model so that
/// several stores can serve it: <see cref="SqliteScenarioStore"/> (one machine, the default) and
/// <see cref="Postgres.PostgresScenarioStore"/> (several replicas sharing one database). Implementations are thread-safe: every member may be
/// called concurrently.
/// <para>
/// Writes are atomic and durable when they return a success case: the write is committed (for SQLite: fsynced) before
/// the task completes, so an acknowledged write survives a crash of the process. Every other case leaves the stored
/// state unchanged. Optimistic concurrency: <see cref="UpdateAsync"/> and <see cref="DeleteAsync"/> succeed only if
/// the stored version equals the expected one, checked and written atomically.
/// </para>
/// <para>
/// Reads return what was committed. When the store cannot be read at all (corrupt file, not opened) they throw
/// <see cref="ScenarioStoreUnavailableException"/>; a read-only store still serves reads.
/// </para>
/// </summary>
public interface IScenarioStore
{
    /// <summary>
    /// Opens the store (creating or migrating its schema) and returns its status; idempotent. A store that cannot be
    /// reached is left <see cref="ScenarioStoreState.Unavailable"/> (a shared store keeps retrying in the background);
    /// only a store the server must not start on throws (<see cref="ScenarioStoreOpenException"/>).
    /// </summary>
    Task<ScenarioStoreStatus> InitializeAsync(CancellationToken cancellationToken = default);

    /// <summary>Whether the store is ready, read-only or unavailable, and why.</summary>
    ScenarioStoreStatus Status { get; }

    /// <summary>
    /// The store-wide change counter: the <see cref="ScenarioChange.Sequence"/> of the last committed write (0 for a
    /// store never written). Monotonic and persisted; a cheap "did anything change?" check.
    /// </summary>
    long ChangeSequence { get; }

    /// <summary>
    /// Subscribes to committed writes made through this store instance (not to writes by other processes on the same
    /// file). Changes arrive in commit order, after the commit, never blocking the writer; see <see cref="ScenarioChangeFeed"/>.
    /// </summary>
    ScenarioChangeSubscription SubscribeChanges();

    /// <summary>Creates a scenario at version 1: <see cref="ScenarioWriteResult.Created"/>, or AlreadyExists, Invalid, TooLarge, LimitReached, StoreUnavailable.</summary>
    Task<ScenarioWriteResult> CreateAsync(string id, string name, string definitionJson, CancellationToken cancellationToken = default);

    /// <summary>The scenario with this id, or null when there is none.</summary>
    Task<StoredScenario?> GetAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>Every scenario, ordered by id (ordinal).</summary>
    Task<IReadOnlyList<StoredScenario>> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Replaces name and definition if the stored version is <paramref name="expectedVersion"/>:
    /// <see cref="ScenarioWriteResult.Updated"/> (version + 1), or NotFound, VersionConflict (with the current version),
    /// Invalid, TooLarge, StoreUnavailable.
    /// </summary>
    Task<ScenarioWriteResult> UpdateAsync(string id, long expectedVersion, string name, string definitionJson, CancellationToken cancellationToken = default);

    /// <summary>
    /// Deletes the scenario if the stored version is <paramref name="expectedVersion"/>: <see cref="ScenarioWriteResult.Deleted"/>,
    /// or NotFound, VersionConflict, Invalid, StoreUnavailable.
    /// </summary>
    Task<ScenarioWriteResult> DeleteAsync(string id, long expectedVersion, CancellationToken cancellationToken = default);
}
