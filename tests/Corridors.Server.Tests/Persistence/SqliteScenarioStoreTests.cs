using Corridors.Server.Persistence;
using Corridors.Server.Tests.Support;
using Microsoft.Data.Sqlite;

namespace Corridors.Server.Tests.Persistence;

/// <summary>What only the SQLite store does (its file, its locks); the shared contract is in <see cref="ScenarioStoreContract"/>.</summary>
public sealed class SqliteScenarioStoreTests : IDisposable
{
    private readonly TempStore _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task NewFile_IsCreatedWithSchemaInWalMode()
    {
        string nested = Path.Combine(_temp.Folder, "data", "more");
        SqliteScenarioStore store = _temp.Create(o => o.DatabasePath = "data/more/corridors.db");

        ScenarioStoreStatus status = await store.InitializeAsync().Within();

        Assert.Equal(ScenarioStoreState.Ready, status.State);
        Assert.Equal(Path.Combine(nested, "corridors.db"), store.DatabasePath);
        Assert.True(File.Exists(store.DatabasePath));
        TempStore.Close(store);
        using var connection = new SqliteConnection($"Data Source={Path.Combine(nested, "corridors.db")};Pooling=False");
        connection.Open();
        Assert.Equal("wal", Scalar(connection, "PRAGMA journal_mode;"));
        Assert.Equal(2L, Scalar(connection, "PRAGMA user_version;"));
        Assert.Equal(0x434F5252L, Scalar(connection, "PRAGMA application_id;"));
    }

    [Fact]
    public async Task WriteLockHeldByAnotherProcess_IsBusyAfterTheTimeout_AndChangesNothing()
    {
        SqliteScenarioStore store = await _temp.OpenAsync(o => o.BusyTimeoutSeconds = 1);
        await store.CreateAsync("s", "S", "{}").Within();
        using var other = new SqliteConnection($"Data Source={_temp.DatabasePath};Pooling=False");
        other.Open();
        using SqliteTransaction holding = other.BeginTransaction(deferred: false);

        ScenarioWriteResult result = await store.UpdateAsync("s", 1, "S2", "{}").Within();

        var unavailable = Assert.IsType<ScenarioWriteResult.StoreUnavailable>(result);
        Assert.Equal(StoreUnavailableReason.Busy, unavailable.Reason);
        Assert.Contains("stayed locked by another process for more than 1 s", unavailable.Message, StringComparison.Ordinal);
        holding.Rollback();
        Assert.Equal(1, (await store.GetAsync("s").Within())?.Version);
        Assert.Contains(_temp.Logs.Entries, e => e.EventId.Id == 7005);
    }

    [Fact]
    public async Task NotOpened_CreatesNoFile()
    {
        SqliteScenarioStore store = _temp.Create();

        await Assert.ThrowsAsync<ScenarioStoreUnavailableException>(() => store.ListAsync()).Within();
        await store.CreateAsync("s", "S", "{}").Within();

        Assert.False(File.Exists(_temp.DatabasePath));
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using SqliteCommand command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
