using Corridors.Server.Persistence;
using Corridors.Server.Tests.Support;
using Microsoft.Data.Sqlite;

namespace Corridors.Server.Tests.Persistence;

/// <summary>Bad files: a precise status, the file left exactly as it was, writes refused, reads served where possible.</summary>
public sealed class StoreFileProblemTests : IDisposable
{
    private readonly TempStore _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task NotADatabase_IsUnavailableCorrupt_AndLeftUntouched()
    {
        await File.WriteAllTextAsync(_temp.DatabasePath, "these are not the pages you are looking for\n" + new string('z', 4_000));
        string before = _temp.Fingerprint();
        SqliteScenarioStore store = _temp.Create();

        ScenarioStoreStatus status = await store.InitializeAsync().Within();

        Assert.Equal(ScenarioStoreState.Unavailable, status.State);
        Assert.Equal(StoreUnavailableReason.Corrupt, status.Reason);
        Assert.Equal($"{_temp.DatabasePath} is not a SQLite database (it does not start with the SQLite header); it was left untouched. "
            + "Move it aside or set Corridors:ScenarioStore:DatabasePath to another file.", status.Message);
        var write = Assert.IsType<ScenarioWriteResult.StoreUnavailable>(await store.CreateAsync("s", "S", "{}").Within());
        Assert.Equal(StoreUnavailableReason.Corrupt, write.Reason);
        var read = await Assert.ThrowsAsync<ScenarioStoreUnavailableException>(() => store.GetAsync("s")).Within();
        Assert.Equal(StoreUnavailableReason.Corrupt, read.Reason);
        Assert.Contains(_temp.Logs.Entries, e => e.EventId.Id == 7003);
        TempStore.Close(store);
        Assert.Equal(before, _temp.Fingerprint());
        Assert.False(File.Exists(_temp.DatabasePath + "-wal"));
    }

    [Fact]
    public async Task DamagedDatabase_IsUnavailableCorrupt_AndLeftUntouched()
    {
        SqliteScenarioStore first = await _temp.OpenAsync();
        for (int i = 0; i < 20; i++)
        {
            await first.CreateAsync($"s{i:D2}", "S", "{\"padding\":\"" + new string('p', 3_000) + "\"}").Within();
        }

        TempStore.Close(first);
        // Keep the header (page 1) and smash the table's pages.
        using (var stream = new FileStream(_temp.DatabasePath, FileMode.Open, FileAccess.Write))
        {
            stream.Position = 4_096;
            stream.Write(Enumerable.Repeat((byte)0xA5, 16_384).ToArray());
        }

        string before = _temp.Fingerprint();
        SqliteScenarioStore store = _temp.Create();

        ScenarioStoreStatus status = await store.InitializeAsync().Within();

        Assert.Equal(ScenarioStoreState.Unavailable, status.State);
        Assert.Equal(StoreUnavailableReason.Corrupt, status.Reason);
        Assert.StartsWith(_temp.DatabasePath + " is", status.Message, StringComparison.Ordinal);
        Assert.Contains("damaged", status.Message, StringComparison.Ordinal);
        Assert.IsType<ScenarioWriteResult.StoreUnavailable>(await store.DeleteAsync("s00", 1).Within());
        TempStore.Close(store);
        Assert.Equal(before, _temp.Fingerprint());
    }

    [Fact]
    public async Task AnotherApplicationsDatabase_IsRefusedAndLeftUntouched()
    {
        using (var connection = new SqliteConnection($"Data Source={_temp.DatabasePath};Pooling=False"))
        {
            connection.Open();
            using SqliteCommand create = connection.CreateCommand();
            create.CommandText = "CREATE TABLE invoices (id INTEGER PRIMARY KEY, amount REAL); INSERT INTO invoices VALUES (1, 9.5);";
            create.ExecuteNonQuery();
        }

        string before = _temp.Fingerprint();
        SqliteScenarioStore store = await _temp.OpenAsync();

        Assert.Equal(ScenarioStoreState.Unavailable, store.Status.State);
        Assert.Equal($"{_temp.DatabasePath} is a SQLite database of another application (tables: invoices); it was left untouched.", store.Status.Message);
        TempStore.Close(store);
        Assert.Equal(before, _temp.Fingerprint());
    }

    [Fact]
    public async Task ReadOnlyFile_ServesReads_RefusesWrites_ChangesNothing()
    {
        IReadOnlyList<StoredScenario> stored = await SeedAsync();
        string before = _temp.Fingerprint();
        _temp.MakeReadOnly(_temp.DatabasePath);

        SqliteScenarioStore store = await _temp.OpenAsync();

        Assert.Equal(ScenarioStoreState.ReadOnly, store.Status.State);
        Assert.StartsWith($"{_temp.DatabasePath} is read-only (", store.Status.Message, StringComparison.Ordinal);
        Assert.Equal(stored, await store.ListAsync().Within());
        Assert.Equal(stored[0], await store.GetAsync(stored[0].Id).Within());
        Assert.Equal(2, store.ChangeSequence);
        await AssertWritesRefusedAsync(store);
        TempStore.Close(store);
        _temp.MakeWritable(_temp.DatabasePath);
        Assert.Equal(before, _temp.Fingerprint());

        SqliteScenarioStore writable = await _temp.OpenAsync();
        Assert.Equal(ScenarioStoreState.Ready, writable.Status.State);
        Assert.Equal(stored, await writable.ListAsync().Within());
    }

    [Fact]
    public async Task ReadOnlyFolder_ServesReads_RefusesWrites_ChangesNothing()
    {
        IReadOnlyList<StoredScenario> stored = await SeedAsync();
        string before = _temp.Fingerprint();
        _temp.MakeReadOnly(_temp.Folder);

        SqliteScenarioStore store = await _temp.OpenAsync();

        Assert.True(store.Status.State == ScenarioStoreState.ReadOnly, store.Status.Message);
        Assert.Contains("is not writable", store.Status.Message, StringComparison.Ordinal);
        Assert.Equal(stored, await store.ListAsync().Within());
        await AssertWritesRefusedAsync(store);
        TempStore.Close(store);
        _temp.MakeWritable(_temp.Folder);
        Assert.Equal(before, _temp.Fingerprint());
        Assert.Equal([Path.GetFileName(_temp.DatabasePath)], Directory.GetFiles(_temp.Folder).Select(Path.GetFileName));
    }

    [Fact]
    public async Task NewFileInAReadOnlyFolder_IsUnavailable_NamingTheFile()
    {
        _temp.MakeReadOnly(_temp.Folder);

        SqliteScenarioStore store = await _temp.OpenAsync();

        Assert.Equal(ScenarioStoreState.Unavailable, store.Status.State);
        Assert.Contains(_temp.DatabasePath, store.Status.Message, StringComparison.Ordinal);
        Assert.IsType<ScenarioWriteResult.StoreUnavailable>(await store.CreateAsync("s", "S", "{}").Within());
        Assert.Empty(Directory.GetFiles(_temp.Folder));
    }

    [Fact]
    public async Task OlderSchema_IsMigratedInPlace_KeepingEveryScenario()
    {
        // A file as the first schema version wrote it.
        using (var connection = new SqliteConnection($"Data Source={_temp.DatabasePath};Pooling=False"))
        {
            connection.Open();
            using SqliteTransaction transaction = connection.BeginTransaction();
            SqliteSchema.Apply(connection, transaction, 0, 1);
            using SqliteCommand insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = """
                INSERT INTO scenarios VALUES ('cku-open', 'CKU open', 3, '{"open":"cku"}', 1764417600000, 1764504000000);
                """;
            insert.ExecuteNonQuery();
            transaction.Commit();
        }

        SqliteScenarioStore store = await _temp.OpenAsync();

        Assert.Equal(ScenarioStoreState.Ready, store.Status.State);
        Assert.Equal(
            new StoredScenario("cku-open", "CKU open", 3, "{\"open\":\"cku\"}", DateTimeOffset.FromUnixTimeMilliseconds(1764417600000), DateTimeOffset.FromUnixTimeMilliseconds(1764504000000)),
            Assert.Single(await store.ListAsync().Within()));
        Assert.Equal(0, store.ChangeSequence);
        Assert.IsType<ScenarioWriteResult.Updated>(await store.UpdateAsync("cku-open", 3, "CKU open 2030", "{}").Within());
        Assert.Equal(1, store.ChangeSequence);
        var migrated = Assert.Single(_temp.Logs.Entries, e => e.EventId.Id == 7001);
        Assert.Equal($"Scenario store {_temp.DatabasePath} migrated from schema version 1 to 2", migrated.Message);
        TempStore.Close(store);
        using var check = new SqliteConnection($"Data Source={_temp.DatabasePath};Pooling=False");
        check.Open();
        Assert.Equal(2L, SqliteSchema.ReadUserVersion(check));
    }

    [Fact]
    public async Task NewerSchema_RefusesToOpen_WithAClearMessage_AndIsLeftUntouched()
    {
        SqliteScenarioStore first = await _temp.OpenAsync();
        await first.CreateAsync("s", "S", "{}").Within();
        TempStore.Close(first);
        using (var connection = new SqliteConnection($"Data Source={_temp.DatabasePath};Pooling=False"))
        {
            connection.Open();
            using SqliteCommand bump = connection.CreateCommand();
            bump.CommandText = "PRAGMA user_version = 3;";
            bump.ExecuteNonQuery();
        }

        string before = _temp.Fingerprint();
        SqliteScenarioStore store = _temp.Create();

        var exception = await Assert.ThrowsAsync<ScenarioStoreOpenException>(() => store.InitializeAsync()).Within();

        Assert.Equal($"{_temp.DatabasePath} has scenario schema version 3, newer than the 2 this build knows; it was written by a newer Corridors. "
            + "Run that version, or point Corridors:ScenarioStore:DatabasePath at another file. The file was left untouched.", exception.Message);
        Assert.Contains(_temp.Logs.Entries, e => e.EventId.Id == 7004);
        TempStore.Close(store);
        Assert.Equal(before, _temp.Fingerprint());
    }

    private async Task<IReadOnlyList<StoredScenario>> SeedAsync()
    {
        SqliteScenarioStore seed = await _temp.OpenAsync();
        await seed.CreateAsync("caspian", "Caspian congestion", Json.Closure("aktau")).Within();
        await seed.CreateAsync("red-sea", "Red Sea closed", Json.Closure("bab-el-mandeb")).Within();
        IReadOnlyList<StoredScenario> stored = await seed.ListAsync().Within();
        TempStore.Close(seed);
        return stored;
    }

    private static async Task AssertWritesRefusedAsync(SqliteScenarioStore store)
    {
        ScenarioWriteResult[] writes =
        [
            await store.CreateAsync("new", "New", "{}").Within(),
            await store.UpdateAsync("caspian", 1, "Changed", "{}").Within(),
            await store.DeleteAsync("red-sea", 1).Within(),
        ];
        Assert.All(writes, w => Assert.Equal(StoreUnavailableReason.ReadOnly, Assert.IsType<ScenarioWriteResult.StoreUnavailable>(w).Reason));
        Assert.Equal(["caspian", "red-sea"], (await store.ListAsync().Within()).Select(s => s.Id));
    }
}
