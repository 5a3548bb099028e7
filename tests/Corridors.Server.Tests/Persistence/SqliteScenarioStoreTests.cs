using Corridors.Server.Persistence;
using Corridors.Server.Tests.Support;
using Microsoft.Data.Sqlite;

namespace Corridors.Server.Tests.Persistence;

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
    public async Task Create_ThenGet_ReturnsVersion1WithClockTimes()
    {
        SqliteScenarioStore store = await _temp.OpenAsync();

        ScenarioWriteResult result = await store.CreateAsync("red-sea-closed", "Red Sea closed", Json.Closure("bab-el-mandeb")).Within();
        StoredScenario? read = await store.GetAsync("red-sea-closed").Within();

        var expected = new StoredScenario("red-sea-closed", "Red Sea closed", 1, Json.Closure("bab-el-mandeb"), TempStore.Start, TempStore.Start);
        Assert.Equal(new ScenarioWriteResult.Created(expected), result);
        Assert.Equal(expected, read);
        Assert.Null(await store.GetAsync("Red-Sea-Closed").Within()); // ids are case-sensitive
    }

    [Fact]
    public async Task List_IsOrderedByIdOrdinally()
    {
        SqliteScenarioStore store = await _temp.OpenAsync();
        foreach (string id in new[] { "poland", "cku-open", "Zeta", "cku", "caspian" })
        {
            Assert.IsType<ScenarioWriteResult.Created>(await store.CreateAsync(id, id, "{}").Within());
        }

        IReadOnlyList<StoredScenario> all = await store.ListAsync().Within();

        Assert.Equal(["Zeta", "caspian", "cku", "cku-open", "poland"], all.Select(s => s.Id));
    }

    [Fact]
    public async Task Update_WithCurrentVersion_BumpsVersionKeepsCreatedAndSetsUpdated()
    {
        SqliteScenarioStore store = await _temp.OpenAsync();
        await store.CreateAsync("s", "First", Json.Closure("a")).Within();
        _temp.Clock.Advance(TimeSpan.FromMinutes(5));

        ScenarioWriteResult result = await store.UpdateAsync("s", 1, "Second", Json.Closure("b")).Within();

        var updated = Assert.IsType<ScenarioWriteResult.Updated>(result);
        Assert.Equal(2, updated.NewVersion);
        var expected = new StoredScenario("s", "Second", 2, Json.Closure("b"), TempStore.Start, TempStore.Start.AddMinutes(5));
        Assert.Equal(expected, updated.Scenario);
        Assert.Equal(expected, await store.GetAsync("s").Within());
    }

    [Fact]
    public async Task Update_Stale_IsRefusedWithTheCurrentVersionAndChangesNothing()
    {
        SqliteScenarioStore store = await _temp.OpenAsync();
        await store.CreateAsync("s", "First", Json.Closure("a")).Within();
        await store.UpdateAsync("s", 1, "Second", Json.Closure("b")).Within();
        StoredScenario? before = await store.GetAsync("s").Within();

        ScenarioWriteResult stale = await store.UpdateAsync("s", 1, "Lost update", Json.Closure("c")).Within();

        Assert.Equal(new ScenarioWriteResult.VersionConflict("s", 1, 2), stale);
        Assert.Equal(before, await store.GetAsync("s").Within());
        Assert.Equal(2, store.ChangeSequence);
    }

    [Fact]
    public async Task ConcurrentUpdates_FromTheSameVersion_ExactlyOneWins()
    {
        SqliteScenarioStore store = await _temp.OpenAsync();
        await store.CreateAsync("s", "Start", "{}").Within();

        ScenarioWriteResult[] results = await Task.WhenAll(Enumerable.Range(0, 12)
            .Select(i => Task.Run(() => store.UpdateAsync("s", 1, $"Writer {i}", "{}")))).Within();

        var winner = Assert.Single(results.OfType<ScenarioWriteResult.Updated>());
        Assert.All(results.Where(r => r != winner), r => Assert.Equal(new ScenarioWriteResult.VersionConflict("s", 1, 2), r));
        Assert.Equal(winner.Scenario, await store.GetAsync("s").Within());
    }

    [Fact]
    public async Task Update_UnknownId_IsNotFound()
    {
        SqliteScenarioStore store = await _temp.OpenAsync();

        Assert.Equal(new ScenarioWriteResult.NotFound("nope"), await store.UpdateAsync("nope", 1, "n", "{}").Within());
    }

    [Fact]
    public async Task Delete_WithCurrentVersion_RemovesIt_StaleOrUnknownAreRefused()
    {
        SqliteScenarioStore store = await _temp.OpenAsync();
        await store.CreateAsync("s", "S", "{}").Within();
        await store.UpdateAsync("s", 1, "S2", "{}").Within();

        Assert.Equal(new ScenarioWriteResult.VersionConflict("s", 1, 2), await store.DeleteAsync("s", 1).Within());
        Assert.NotNull(await store.GetAsync("s").Within());
        Assert.Equal(new ScenarioWriteResult.Deleted("s", 2), await store.DeleteAsync("s", 2).Within());
        Assert.Null(await store.GetAsync("s").Within());
        Assert.Equal(new ScenarioWriteResult.NotFound("s"), await store.DeleteAsync("s", 2).Within());
        Assert.Empty(await store.ListAsync().Within());
    }

    [Fact]
    public async Task Create_DuplicateId_IsAlreadyExistsAndKeepsTheOriginal()
    {
        SqliteScenarioStore store = await _temp.OpenAsync();
        await store.CreateAsync("s", "Original", Json.Closure("a")).Within();
        await store.UpdateAsync("s", 1, "Original v2", Json.Closure("a")).Within();

        ScenarioWriteResult duplicate = await store.CreateAsync("s", "Impostor", Json.Closure("b")).Within();

        Assert.Equal(new ScenarioWriteResult.AlreadyExists("s", 2), duplicate);
        Assert.Equal("Original v2", (await store.GetAsync("s").Within())?.Name);
    }

    [Fact]
    public async Task Definition_OverTheByteCap_IsTooLarge_AtTheCapIsAccepted()
    {
        SqliteScenarioStore store = await _temp.OpenAsync(o => o.MaxDefinitionBytes = 1_024);
        // "é" is 2 UTF-8 bytes: the cap counts bytes, not characters.
        string atCap = "{\"n\":\"" + new string('é', 507) + "xx\"}";
        string overCap = "{\"n\":\"" + new string('é', 507) + "xxx\"}";
        Assert.Equal(1_024, System.Text.Encoding.UTF8.GetByteCount(atCap));

        Assert.IsType<ScenarioWriteResult.Created>(await store.CreateAsync("fits", "Fits", atCap).Within());
        Assert.Equal(new ScenarioWriteResult.TooLarge(1_025, 1_024), await store.CreateAsync("big", "Big", overCap).Within());
        Assert.Equal(new ScenarioWriteResult.TooLarge(1_025, 1_024), await store.UpdateAsync("fits", 1, "Big", overCap).Within());
        Assert.Equal(["fits"], (await store.ListAsync().Within()).Select(s => s.Id));
        Assert.Equal(1, (await store.GetAsync("fits").Within())?.Version);
    }

    [Fact]
    public async Task Create_BeyondMaxScenarios_IsLimitReached_UntilOneIsDeleted()
    {
        SqliteScenarioStore store = await _temp.OpenAsync(o => o.MaxScenarios = 3);
        for (int i = 0; i < 3; i++)
        {
            Assert.IsType<ScenarioWriteResult.Created>(await store.CreateAsync($"s{i}", "S", "{}").Within());
        }

        Assert.Equal(new ScenarioWriteResult.LimitReached(3), await store.CreateAsync("s3", "S", "{}").Within());
        Assert.Equal(3, (await store.ListAsync().Within()).Count);
        await store.DeleteAsync("s0", 1).Within();
        Assert.IsType<ScenarioWriteResult.Created>(await store.CreateAsync("s3", "S", "{}").Within());
    }

    [Theory]
    [InlineData("", "Name", "{}", "id", "is empty.")]
    [InlineData("has space", "Name", "{}", "id", "contains white space, control or non-BMP characters.")]
    [InlineData("tab\tid", "Name", "{}", "id", "contains white space, control or non-BMP characters.")]
    [InlineData("ok", "  ", "{}", "name", "is empty.")]
    [InlineData("ok", "bell\a", "{}", "name", "contains control characters.")]
    [InlineData("ok", "Name", "[1,2]", "definition_json", "is not a JSON object.")]
    [InlineData("ok", "Name", "", "definition_json", "is not well-formed JSON (line 1, byte 1).")]
    [InlineData("ok", "Name", "{\"a\":1} trailing", "definition_json", "is not well-formed JSON (line 1, byte 9).")]
    [InlineData("ok", "Name", "{\"a\":", "definition_json", "is not well-formed JSON (line 1, byte 6).")]
    public async Task Create_BadInput_IsInvalidNamingTheFieldAndStoresNothing(string id, string name, string json, string field, string problem)
    {
        SqliteScenarioStore store = await _temp.OpenAsync();

        ScenarioWriteResult result = await store.CreateAsync(id, name, json).Within();

        Assert.Equal(new ScenarioWriteResult.Invalid(field, problem), result);
        Assert.Empty(await store.ListAsync().Within());
        Assert.Equal(0, store.ChangeSequence);
    }

    [Fact]
    public async Task Definition_WithALoneSurrogate_IsInvalid()
    {
        SqliteScenarioStore store = await _temp.OpenAsync();
        string loneSurrogate = "{\"a\":\"" + (char)0xD800 + "\"}";

        ScenarioWriteResult result = await store.CreateAsync("s", "S", loneSurrogate).Within();

        Assert.Equal(new ScenarioWriteResult.Invalid("definition_json", "is not valid Unicode text (a lone surrogate)."), result);
        Assert.Empty(await store.ListAsync().Within());
    }

    [Fact]
    public async Task LengthCaps_AndVersionsBelowOne_AreInvalid()
    {
        SqliteScenarioStore store = await _temp.OpenAsync(o =>
        {
            o.MaxIdLength = 8;
            o.MaxNameLength = 5;
        });
        await store.CreateAsync("s", "S", "{}").Within();

        Assert.Equal(new ScenarioWriteResult.Invalid("id", "has 9 characters; at most 8 are allowed."), await store.CreateAsync("123456789", "S", "{}").Within());
        Assert.Equal(new ScenarioWriteResult.Invalid("name", "has 6 characters; at most 5 are allowed."), await store.CreateAsync("t", "123456", "{}").Within());
        Assert.Equal(new ScenarioWriteResult.Invalid("expected_version", "is 0; versions start at 1."), await store.UpdateAsync("s", 0, "S", "{}").Within());
        Assert.Equal(new ScenarioWriteResult.Invalid("expected_version", "is -1; versions start at 1."), await store.DeleteAsync("s", -1).Within());
    }

    [Fact]
    public async Task Reopen_ServesEveryCommittedScenarioAndTheChangeCounter()
    {
        SqliteScenarioStore first = await _temp.OpenAsync();
        await first.CreateAsync("a", "A", Json.Closure("x")).Within();
        await first.CreateAsync("b", "B", "{}").Within();
        await first.UpdateAsync("a", 1, "A2", Json.Closure("y")).Within();
        await first.DeleteAsync("b", 1).Within();
        IReadOnlyList<StoredScenario> before = await first.ListAsync().Within();
        TempStore.Close(first);

        SqliteScenarioStore second = await _temp.OpenAsync();

        Assert.Equal(before, await second.ListAsync().Within());
        Assert.Equal(4, second.ChangeSequence);
        var created = Assert.IsType<ScenarioWriteResult.Created>(await second.CreateAsync("c", "C", "{}").Within());
        Assert.Equal(1, created.Scenario.Version);
        Assert.Equal(5, second.ChangeSequence);
    }

    [Fact]
    public async Task Changes_ArePublishedAfterCommitInOrder_FailuresPublishNothing()
    {
        SqliteScenarioStore store = await _temp.OpenAsync();
        using ScenarioChangeSubscription subscription = store.SubscribeChanges();

        await store.CreateAsync("a", "A", "{}").Within();
        await store.CreateAsync("a", "A again", "{}").Within();   // AlreadyExists: no change
        await store.UpdateAsync("a", 7, "Stale", "{}").Within();  // VersionConflict: no change
        await store.UpdateAsync("a", 1, "A2", "{}").Within();
        await store.DeleteAsync("a", 2).Within();
        subscription.Dispose();

        var received = new List<ScenarioChange>();
        await foreach (ScenarioChange change in subscription.Changes.ReadAllAsync().WithCancellation(new CancellationTokenSource(Bounded.Timeout).Token))
        {
            received.Add(change);
        }

        Assert.Equal(
        [
            new ScenarioChange(1, "a", 1, ScenarioChangeKind.Created),
            new ScenarioChange(2, "a", 2, ScenarioChangeKind.Updated),
            new ScenarioChange(3, "a", 2, ScenarioChangeKind.Deleted),
        ], received);
        Assert.Equal(3, store.ChangeSequence);
    }

    [Fact]
    public async Task StalledSubscriber_NeverBlocksWriters_AndKeepsTheLatestChanges()
    {
        SqliteScenarioStore store = await _temp.OpenAsync(o => o.ChangeBufferCapacity = 2);
        using ScenarioChangeSubscription stalled = store.SubscribeChanges();

        for (int i = 0; i < 5; i++)
        {
            await store.CreateAsync($"s{i}", "S", "{}").Within();
        }

        // Oldest dropped: the subscriber sees a gap in Sequence (1..3 missing) and the latest two.
        Assert.True(stalled.Changes.TryRead(out ScenarioChange? first));
        Assert.True(stalled.Changes.TryRead(out ScenarioChange? second));
        Assert.False(stalled.Changes.TryRead(out _));
        Assert.Equal([4L, 5L], new[] { first!.Sequence, second!.Sequence });
    }

    [Fact]
    public async Task Dispose_CompletesSubscriptions()
    {
        SqliteScenarioStore store = await _temp.OpenAsync();
        using ScenarioChangeSubscription subscription = store.SubscribeChanges();

        TempStore.Close(store);

        await subscription.Changes.Completion.Within();
        Assert.True(subscription.Changes.Completion.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task NotOpened_ReadsThrowAndWritesAreUnavailable()
    {
        SqliteScenarioStore store = _temp.Create();

        var exception = await Assert.ThrowsAsync<ScenarioStoreUnavailableException>(() => store.ListAsync()).Within();
        Assert.Equal(StoreUnavailableReason.NotOpened, exception.Reason);
        Assert.Equal(new ScenarioWriteResult.StoreUnavailable(StoreUnavailableReason.NotOpened, "The scenario store has not been opened."),
            await store.CreateAsync("s", "S", "{}").Within());
        Assert.False(File.Exists(_temp.DatabasePath));
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

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using SqliteCommand command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
