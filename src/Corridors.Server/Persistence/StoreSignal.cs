using System.Threading.Channels;

namespace Corridors.Server.Persistence;

/// <summary>
/// What a store shared by several replicas tells its own replica, in the order it happened: a write somewhere (a
/// hint: re-read that scenario), the database reached again (some may have been missed: catch up), or
/// the database lost. Hints never carry the data: the table is the truth.
/// </summary>
public abstract record StoreSignal
{
    private StoreSignal()
    {
    }

    /// <summary>A write committed by any replica (this one included): scenario <paramref name="Id"/> is now at <paramref name="Version"/>.</summary>
    public sealed record Changed(ScenarioChange Change) : StoreSignal;

    /// <summary>
    /// Re-read everything: the database is reachable and listened to (again), so whatever happened while it was not
    /// must be caught up, or a hint could not be read.
    /// </summary>
    public sealed record CatchUp : StoreSignal;

    /// <summary>The database cannot be reached; the store retries with backoff and sends <see cref="CatchUp"/> when it is back.</summary>
    public sealed record Lost(string Problem) : StoreSignal;
}

/// <summary>
/// A store that other processes write too (<see cref="Postgres.PostgresScenarioStore"/>): besides the writes made
/// through it (<see cref="IScenarioStore.SubscribeChanges"/>) it reports every replica's writes and its own link to the
/// database, so the replica can keep its compiled scenarios, caches and watchers in step.
/// </summary>
public interface ISharedScenarioStore : IScenarioStore
{
    /// <summary>The signals, in order; one reader (the replica's synchroniser). Completes when the store is disposed.</summary>
    ChannelReader<StoreSignal> Signals { get; }
}
