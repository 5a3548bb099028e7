using Corridors.Server.Persistence;
using Corridors.Server.Persistence.Postgres;
using Corridors.Server.Tests.Support;
using Npgsql;

namespace Corridors.Server.Tests.Persistence;

/// <summary>What only the PostgreSQL store does: several instances on one database (replicas), migrations under a lock, signals.</summary>
[Collection(PostgresCluster.Name)]
public sealed class PostgresScenarioStoreTests(PostgresCluster cluster) : IDisposable
{
    private readonly PostgresStores _stores = new(cluster.CreateDatabase());

    public void Dispose() => _stores.Dispose();

    [Fact]
    public async Task ReplicasStartingTogether_OnAnEmptyDatabase_MigrateItOnce_AndAllAreReady()
    {
        PostgresScenarioStore[] replicas = [.. Enumerable.Range(0, 4).Select(_ => _stores.Create())];

        ScenarioStoreStatus[] statuses = await Task.WhenAll(replicas.Select(r => Task.Run(() => r.InitializeAsync()))).Within();

        Assert.All(statuses, s => Assert.Equal(ScenarioStoreState.Ready, s.State));
        await using var connection = new NpgsqlConnection(_stores.ConnectionString + ";Pooling=false");
        await connection.OpenAsync().Within();
        await using var read = new NpgsqlCommand("SELECT (SELECT version FROM corridors_schema), (SELECT count(*) FROM corridors_schema), (SELECT count(*) FROM store_counters)", connection);
        await using NpgsqlDataReader row = await read.ExecuteReaderAsync().Within();
        Assert.True(await row.ReadAsync());
        Assert.Equal((1, 1L, 1L), (row.GetInt32(0), row.GetInt64(1), row.GetInt64(2)));
    }

    [Fact]
    public async Task AWriteThroughOneInstance_IsSignalledToTheOther_WithItsSequence_AndNotToItsOwnChangeFeed()
    {
        PostgresScenarioStore a = _stores.Create();
        PostgresScenarioStore b = _stores.Create();
        await a.InitializeAsync().Within();
        await b.InitializeAsync().Within();
        Assert.IsType<StoreSignal.CatchUp>(await b.Signals.ReadAsync().AsTask().Within()); // connected: catch up first
        using ScenarioChangeSubscription bOwn = b.SubscribeChanges();

        await a.CreateAsync("s", "S", "{}").Within();
        await a.UpdateAsync("s", 1, "S2", "{}").Within();

        Assert.Equal(new StoreSignal.Changed(new ScenarioChange(1, "s", 1, ScenarioChangeKind.Created)), await b.Signals.ReadAsync().AsTask().Within());
        Assert.Equal(new StoreSignal.Changed(new ScenarioChange(2, "s", 2, ScenarioChangeKind.Updated)), await b.Signals.ReadAsync().AsTask().Within());
        Assert.Equal(2, b.ChangeSequence);
        Assert.False(bOwn.Changes.TryRead(out _)); // B's own feed carries only B's writes
    }

    [Fact]
    public async Task ASchemaNewerThanThisBuild_RefusesToOpen_AndChangesNothing()
    {
        await (_stores.Create()).InitializeAsync().Within();
        await using (var connection = new NpgsqlConnection(_stores.ConnectionString + ";Pooling=false"))
        {
            await connection.OpenAsync().Within();
            await using var bump = new NpgsqlCommand("UPDATE corridors_schema SET version = 99", connection);
            await bump.ExecuteNonQueryAsync().Within();
        }

        var refused = await Assert.ThrowsAsync<ScenarioStoreOpenException>(() => _stores.Create().InitializeAsync()).Within();

        Assert.Contains("has scenario schema version 99, newer than the 1 this build knows", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ChangePayload_RoundTrips_AndRefusesWhatItDoesNotKnow()
    {
        var change = new ScenarioChange(42, "ids-hold/any:non-space_chars", 7, ScenarioChangeKind.Deleted);

        Assert.Equal("42 7 Deleted ids-hold/any:non-space_chars", ChangePayload.Write(change));
        Assert.Equal(change, ChangePayload.TryRead(ChangePayload.Write(change)));
        Assert.Null(ChangePayload.TryRead("42 7 Renamed s"));
        Assert.Null(ChangePayload.TryRead("42 -7 Updated s"));
        Assert.Null(ChangePayload.TryRead("{\"id\":\"s\"}"));
    }
}
