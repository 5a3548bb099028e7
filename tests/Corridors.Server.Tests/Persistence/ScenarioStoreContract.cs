using Corridors.Server.Persistence;
using Corridors.Server.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Corridors.Server.Tests.Persistence;

/// <summary>
/// What every <see cref="IScenarioStore"/> must do, run against each provider on a real database
/// (<see cref="SqliteStoreContractTests"/>, <see cref="PostgresStoreContractTests"/>): the same outcomes, the same
/// versions, the same refusals with the same words, the same ordering. Each test gets an empty store of its own.
/// </summary>
public abstract class ScenarioStoreContract
{
    public static readonly DateTimeOffset Start = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);

    /// <summary>The clock the stores stamp created/updated times with; tests move it.</summary>
    protected abstract FakeTimeProvider Clock { get; }

    /// <summary>A store on this test's database, not yet initialised; every call opens the same database.</summary>
    protected abstract IScenarioStore Create(Action<ScenarioStoreOptions>? configure = null);

    /// <summary>Closes a store so that another instance can open its database afresh.</summary>
    protected abstract void Close(IScenarioStore store);

    protected async Task<IScenarioStore> OpenAsync(Action<ScenarioStoreOptions>? configure = null)
    {
        IScenarioStore store = Create(configure);
        ScenarioStoreStatus status = await store.InitializeAsync().Within();
        Assert.Equal(ScenarioStoreState.Ready, status.State);
        return store;
    }

    [Fact]
    public async Task Create_ThenGet_ReturnsVersion1WithClockTimes()
    {
        IScenarioStore store = await OpenAsync();

        ScenarioWriteResult result = await store.CreateAsync("red-sea-closed", "Red Sea closed", Json.Closure("bab-el-mandeb")).Within();
        StoredScenario? read = await store.GetAsync("red-sea-closed").Within();

        var expected = new StoredScenario("red-sea-closed", "Red Sea closed", 1, Json.Closure("bab-el-mandeb"), Start, Start);
        Assert.Equal(new ScenarioWriteResult.Created(expected), result);
        Assert.Equal(expected, read);
        Assert.Null(await store.GetAsync("Red-Sea-Closed").Within()); // ids are case-sensitive
    }

    [Fact]
    public async Task List_IsOrderedByIdOrdinally()
    {
        IScenarioStore store = await OpenAsync();
        foreach (string id in new[] { "poland", "été", "cku-open", "Zeta", "中欧", "cku", "caspian", "Ärger" })
        {
            Assert.IsType<ScenarioWriteResult.Created>(await store.CreateAsync(id, id, "{}").Within());
        }

        IReadOnlyList<StoredScenario> all = await store.ListAsync().Within();

        // Ordinal (UTF-16 code units, the same as UTF-8 bytes for these ids), not a language's collation.
        Assert.Equal(["Zeta", "caspian", "cku", "cku-open", "poland", "Ärger", "été", "中欧"], all.Select(s => s.Id));
    }

    [Fact]
    public async Task Update_WithCurrentVersion_BumpsVersionKeepsCreatedAndSetsUpdated()
    {
        IScenarioStore store = await OpenAsync();
        await store.CreateAsync("s", "First", Json.Closure("a")).Within();
        Clock.Advance(TimeSpan.FromMinutes(5));

        ScenarioWriteResult result = await store.UpdateAsync("s", 1, "Second", Json.Closure("b")).Within();

        var updated = Assert.IsType<ScenarioWriteResult.Updated>(result);
        Assert.Equal(2, updated.NewVersion);
        var expected = new StoredScenario("s", "Second", 2, Json.Closure("b"), Start, Start.AddMinutes(5));
        Assert.Equal(expected, updated.Scenario);
        Assert.Equal(expected, await store.GetAsync("s").Within());
    }

    [Fact]
    public async Task Update_Stale_IsRefusedWithTheCurrentVersionAndChangesNothing()
    {
        IScenarioStore store = await OpenAsync();
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
        IScenarioStore store = await OpenAsync();
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
        IScenarioStore store = await OpenAsync();

        Assert.Equal(new ScenarioWriteResult.NotFound("nope"), await store.UpdateAsync("nope", 1, "n", "{}").Within());
    }

    [Fact]
    public async Task Delete_WithCurrentVersion_RemovesIt_StaleOrUnknownAreRefused()
    {
        IScenarioStore store = await OpenAsync();
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
        IScenarioStore store = await OpenAsync();
        await store.CreateAsync("s", "Original", Json.Closure("a")).Within();
        await store.UpdateAsync("s", 1, "Original v2", Json.Closure("a")).Within();

        ScenarioWriteResult duplicate = await store.CreateAsync("s", "Impostor", Json.Closure("b")).Within();

        Assert.Equal(new ScenarioWriteResult.AlreadyExists("s", 2), duplicate);
        Assert.Equal("Original v2", (await store.GetAsync("s").Within())?.Name);
    }

    [Fact]
    public async Task Definition_OverTheByteCap_IsTooLarge_AtTheCapIsAccepted()
    {
        IScenarioStore store = await OpenAsync(o => o.MaxDefinitionBytes = 1_024);
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
        IScenarioStore store = await OpenAsync(o => o.MaxScenarios = 3);
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
        IScenarioStore store = await OpenAsync();

        ScenarioWriteResult result = await store.CreateAsync(id, name, json).Within();

        Assert.Equal(new ScenarioWriteResult.Invalid(field, problem), result);
        Assert.Empty(await store.ListAsync().Within());
        Assert.Equal(0, store.ChangeSequence);
    }

    [Fact]
    public async Task NulCharacter_IsRefusedInIdsAndNames_AndKeptEscapedInDocuments()
    {
        // PostgreSQL text cannot hold U+0000 and SQLite can: the checks refuse it before either sees it, and a JSON
        // document can only carry it escaped (\u0000), which both store as written.
        IScenarioStore store = await OpenAsync();
        string escaped = "{\"note\":\"a\\u0000b\"}";

        Assert.Equal(new ScenarioWriteResult.Invalid("id", "contains white space, control or non-BMP characters."), await store.CreateAsync("nul\0id", "S", "{}").Within());
        Assert.Equal(new ScenarioWriteResult.Invalid("name", "contains control characters."), await store.CreateAsync("s", "nul\0name", "{}").Within());
        Assert.Equal(new ScenarioWriteResult.Invalid("definition_json", "is not well-formed JSON (line 1, byte 10)."), await store.CreateAsync("s", "S", "{\"note\":\"\0\"}").Within());
        Assert.IsType<ScenarioWriteResult.Created>(await store.CreateAsync("s", "S", escaped).Within());
        Assert.Equal(escaped, (await store.GetAsync("s").Within())?.DefinitionJson);
    }

    [Fact]
    public async Task Definition_WithALoneSurrogate_IsInvalid()
    {
        IScenarioStore store = await OpenAsync();
        string loneSurrogate = "{\"a\":\"" + (char)0xD800 + "\"}";

        ScenarioWriteResult result = await store.CreateAsync("s", "S", loneSurrogate).Within();

        Assert.Equal(new ScenarioWriteResult.Invalid("definition_json", "is not valid Unicode text (a lone surrogate)."), result);
        Assert.Empty(await store.ListAsync().Within());
    }

    [Fact]
    public async Task LengthCaps_AndVersionsBelowOne_AreInvalid()
    {
        IScenarioStore store = await OpenAsync(o =>
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
        IScenarioStore first = await OpenAsync();
        await first.CreateAsync("a", "A", Json.Closure("x")).Within();
        await first.CreateAsync("b", "B", "{}").Within();
        await first.UpdateAsync("a", 1, "A2", Json.Closure("y")).Within();
        await first.DeleteAsync("b", 1).Within();
        IReadOnlyList<StoredScenario> before = await first.ListAsync().Within();
        Close(first);

        IScenarioStore second = await OpenAsync();

        Assert.Equal(before, await second.ListAsync().Within());
        Assert.Equal(4, second.ChangeSequence);
        var created = Assert.IsType<ScenarioWriteResult.Created>(await second.CreateAsync("c", "C", "{}").Within());
        Assert.Equal(1, created.Scenario.Version);
        Assert.Equal(5, second.ChangeSequence);
    }

    [Fact]
    public async Task Changes_ArePublishedAfterCommitInOrder_FailuresPublishNothing()
    {
        IScenarioStore store = await OpenAsync();
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
        IScenarioStore store = await OpenAsync(o => o.ChangeBufferCapacity = 2);
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
        IScenarioStore store = await OpenAsync();
        using ScenarioChangeSubscription subscription = store.SubscribeChanges();

        Close(store);

        await subscription.Changes.Completion.Within();
        Assert.True(subscription.Changes.Completion.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task NotOpened_ReadsThrowAndWritesAreUnavailable()
    {
        IScenarioStore store = Create();

        var exception = await Assert.ThrowsAsync<ScenarioStoreUnavailableException>(() => store.ListAsync()).Within();
        Assert.Equal(StoreUnavailableReason.NotOpened, exception.Reason);
        Assert.Equal(new ScenarioWriteResult.StoreUnavailable(StoreUnavailableReason.NotOpened, "The scenario store has not been opened."),
            await store.CreateAsync("s", "S", "{}").Within());
    }
}
