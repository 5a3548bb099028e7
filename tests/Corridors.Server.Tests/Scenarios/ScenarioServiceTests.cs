using System.Text;
using Corridors.Contracts.V1;
using Corridors.Server.Errors;
using Corridors.Server.Tests.Support;
using Grpc.Core;

namespace Corridors.Server.Tests.Scenarios;

/// <summary>ScenarioService over gRPC (in-memory server, real SQLite file): CRUD, concurrency, access, validation.</summary>
[Collection(ScenarioServer.Name)]
public sealed class ScenarioServiceTests(ScenarioServer server)
{
    private readonly ScenarioService.ScenarioServiceClient _client = server.Client;

    private AsyncUnaryCall<Scenario> Create(string id, string definition, string name = "", Metadata? headers = null) =>
        _client.CreateScenarioAsync(new CreateScenarioRequest { Id = id, Name = name, Definition = definition },
            headers ?? ScenarioServer.Writer, Bounded.Deadline());

    [Fact]
    public async Task Crud_CreateGetListUpdateDelete_VersionsAndCanonicalDefinition()
    {
        Scenario created = await Create("crud-brest", Definitions.CloseBrest("crud-brest"), name: "Brest shut").Within();

        Assert.Equal("crud-brest", created.Id);
        Assert.Equal("Brest shut", created.Name);
        Assert.Equal(1, created.Version);
        Assert.Equal(ScenarioOrigin.Stored, created.Origin);
        Assert.False(created.ReadOnly);
        Assert.Equal(1, created.ChangeCount);
        Assert.Equal(["BC-19"], created.SourceIds);
        Assert.Equal(server.Factory.Clock.GetUtcNow(), created.CreatedAt.ToDateTimeOffset()); // the server's (fake) clock
        Assert.Equal(created.CreatedAt, created.UpdatedAt);
        Assert.Contains("\"name\": \"Brest shut\"", created.Definition, StringComparison.Ordinal); // canonical: the request's name

        Scenario got = await _client.GetScenarioAsync(new GetScenarioRequest { Id = "crud-brest" }, deadline: Bounded.Deadline()).Within();
        Assert.Equal(created, got);

        ListScenariosResponse list = await _client.ListScenariosAsync(new ListScenariosRequest(), deadline: Bounded.Deadline()).Within();
        Scenario listed = Assert.Single(list.Scenarios, s => s.Id == "crud-brest");
        Assert.Equal(1, listed.Version);
        Assert.Equal(string.Empty, listed.Definition);

        Scenario updated = await _client.UpdateScenarioAsync(new UpdateScenarioRequest
        {
            Id = "crud-brest", ExpectedVersion = 1, Definition = Definitions.CloseRedSea("crud-brest"),
        }, ScenarioServer.Writer, Bounded.Deadline()).Within();
        Assert.Equal(2, updated.Version);
        Assert.Equal("Red Sea closed (test)", updated.Name); // empty name: the definition's
        Assert.Contains("bab-el-mandeb", updated.Definition, StringComparison.Ordinal);

        DeleteScenarioResponse deleted = await _client.DeleteScenarioAsync(
            new DeleteScenarioRequest { Id = "crud-brest", ExpectedVersion = 2 }, ScenarioServer.Writer, Bounded.Deadline()).Within();
        Assert.Equal(2, deleted.Version);
        RichError gone = await _client.GetScenarioAsync(new GetScenarioRequest { Id = "crud-brest" }, deadline: Bounded.Deadline()).Fails(StatusCode.NotFound);
        Assert.Equal("no scenario has id 'crud-brest'", gone.Status.Message);
    }

    [Fact]
    public async Task List_ShippedFirstAndReadOnly_ThenStored()
    {
        await Create("list-zz", Definitions.CloseBrest("list-zz")).Within();

        ListScenariosResponse list = await _client.ListScenariosAsync(new ListScenariosRequest(), deadline: Bounded.Deadline()).Within();

        Assert.Equal(["caspian-ferry-congestion", "cku-open", "poland-belarus-border-closed", "red-sea-closed"],
            list.Scenarios.Take(4).Select(s => s.Id));
        Assert.All(list.Scenarios.Take(4), s =>
        {
            Assert.True(s.ReadOnly);
            Assert.Equal(ScenarioOrigin.Shipped, s.Origin);
            Assert.Equal(1, s.Version);
        });
        Assert.Contains(list.Scenarios.Skip(4), s => s.Id == "list-zz" && !s.ReadOnly && s.Origin == ScenarioOrigin.Stored);
    }

    [Fact]
    public async Task StaleUpdate_IsAbortedWithTheCurrentVersion_AndChangesNothing()
    {
        await Create("stale-one", Definitions.CloseBrest("stale-one")).Within();
        await _client.UpdateScenarioAsync(new UpdateScenarioRequest { Id = "stale-one", ExpectedVersion = 1, Definition = Definitions.CloseRedSea("stale-one") },
            ScenarioServer.Writer, Bounded.Deadline()).Within();

        RichError error = await _client.UpdateScenarioAsync(new UpdateScenarioRequest
        {
            Id = "stale-one", ExpectedVersion = 1, Definition = Definitions.CloseBrest("stale-one", "late writer"),
        }, ScenarioServer.Writer, Bounded.Deadline()).Fails(StatusCode.Aborted);
        RichError staleDelete = await _client.DeleteScenarioAsync(new DeleteScenarioRequest { Id = "stale-one", ExpectedVersion = 1 },
            ScenarioServer.Writer, Bounded.Deadline()).Fails(StatusCode.Aborted);

        Assert.Equal("VERSION_CONFLICT", error.ErrorInfo.Reason);
        Assert.Equal("2", error.ErrorInfo.Metadata[ScenarioErrors.CurrentVersionKey]);
        Assert.Equal("1", error.ErrorInfo.Metadata[ScenarioErrors.ExpectedVersionKey]);
        Assert.StartsWith("scenario 'stale-one' is at version 2, not 1", error.Status.Message, StringComparison.Ordinal);
        Assert.Equal("2", staleDelete.ErrorInfo.Metadata[ScenarioErrors.CurrentVersionKey]);
        Scenario now = await _client.GetScenarioAsync(new GetScenarioRequest { Id = "stale-one" }, deadline: Bounded.Deadline()).Within();
        Assert.Equal(2, now.Version);
        Assert.Equal("Red Sea closed (test)", now.Name);
    }

    [Theory]
    [InlineData(null, StatusCode.Unauthenticated, "Changing scenarios needs an API key in the x-api-key metadata.")]
    [InlineData("not-a-key", StatusCode.Unauthenticated, "The x-api-key metadata is not a valid API key.")]
    [InlineData(ScenarioServer.ReaderKey, StatusCode.PermissionDenied, "The API key of 'dashboard' has the reader role; changing scenarios needs the writer role.")]
    public async Task Mutations_WithoutAWriterKey_AreRefused_AndNothingChanges(string? key, StatusCode code, string message)
    {
        string id = key switch { null => "auth-none", ScenarioServer.ReaderKey => "auth-reader", _ => "auth-invalid" };
        await Create(id, Definitions.CloseBrest(id)).Within();
        Metadata headers = key is null ? [] : ScenarioServer.Key(key);
        ListScenariosResponse before = await _client.ListScenariosAsync(new ListScenariosRequest(), deadline: Bounded.Deadline()).Within();

        RpcException create = await Assert.ThrowsAsync<RpcException>(() => Create(id + "-new", Definitions.CloseBrest(id + "-new"), headers: headers).ResponseAsync).Within();
        RpcException update = await Assert.ThrowsAsync<RpcException>(() => _client.UpdateScenarioAsync(
            new UpdateScenarioRequest { Id = id, ExpectedVersion = 1, Definition = Definitions.CloseRedSea(id) }, headers, Bounded.Deadline()).ResponseAsync).Within();
        RpcException delete = await Assert.ThrowsAsync<RpcException>(() => _client.DeleteScenarioAsync(
            new DeleteScenarioRequest { Id = id, ExpectedVersion = 1 }, headers, Bounded.Deadline()).ResponseAsync).Within();

        Assert.All(new[] { create, update, delete }, e =>
        {
            Assert.Equal(code, e.StatusCode);
            Assert.Equal(message, e.Status.Detail);
        });
        ListScenariosResponse after = await _client.ListScenariosAsync(new ListScenariosRequest(), deadline: Bounded.Deadline()).Within();
        Assert.Equal(before.Scenarios.Where(s => s.Id.StartsWith(id, StringComparison.Ordinal)), after.Scenarios.Where(s => s.Id.StartsWith(id, StringComparison.Ordinal)));
        Scenario kept = await _client.GetScenarioAsync(new GetScenarioRequest { Id = id }, deadline: Bounded.Deadline()).Within();
        Assert.Equal(1, kept.Version);
        Assert.Contains("brest-malaszewicze", kept.Definition, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reads_AreOpenWithoutAKey_AndWithAReaderKey()
    {
        ListScenariosResponse anonymous = await _client.ListScenariosAsync(new ListScenariosRequest(), deadline: Bounded.Deadline()).Within();
        Scenario reader = await _client.GetScenarioAsync(new GetScenarioRequest { Id = "red-sea-closed" }, ScenarioServer.Key(ScenarioServer.ReaderKey), Bounded.Deadline()).Within();

        Assert.True(anonymous.Scenarios.Count >= 4);
        Assert.Equal("Red Sea closed to container shipping", reader.Name);
        Assert.Contains("\"place\": \"bab-el-mandeb\"", reader.Definition, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"changes":[{"type":"close-link","link":"no-such-link"}]}""", "definition.changes[0].link", "unknown link 'no-such-link'")]
    [InlineData("""{"name":"x","changes":[{"type":"open-link","link":"kashgar-torugart-rail"},{"type":"close-link","link":"kashgar-torugart-rail"}]}""", "definition.changes", "link 'kashgar-torugart-rail' is both opened and closed")]
    [InlineData("""{"name":"x","changes":[{"type":"close-link","link":"brest-malaszewicze","from":"2025-09-25","to":"2025-09-12"}]}""", "definition.changes[0].to", "2025-09-12 is not after from 2025-09-25")]
    [InlineData("""{"id":"someone-else","name":"x","changes":[{"type":"close-place","place":"suez"}]}""", "definition.id", "'someone-else' differs from the request's id 'bad-def'")]
    [InlineData("""{"changes":[{"type":"close-place","place":"suez"}]}""", "definition.name", "required: a non-empty string")]
    [InlineData("""not json""", "definition", "not valid JSON")]
    [InlineData("", "definition", "is required")]
    public async Task BadDefinition_IsInvalidArgumentWithTheFieldPath_AndNothingIsStored(string definition, string field, string messageStart)
    {
        RichError error = await Create("bad-def", definition).Fails(StatusCode.InvalidArgument);

        Assert.Contains(field, error.Fields);
        Assert.StartsWith(messageStart, error.DescriptionOf(field), StringComparison.Ordinal);
        await _client.GetScenarioAsync(new GetScenarioRequest { Id = "bad-def" }, deadline: Bounded.Deadline()).Fails(StatusCode.NotFound);
    }

    [Fact]
    public async Task BadId_IsInvalidArgument()
    {
        RichError error = await Create("Bad Id", Definitions.CloseRedSea("x").Replace("\"id\":\"x\",", string.Empty, StringComparison.Ordinal)).Fails(StatusCode.InvalidArgument);

        Assert.Equal("'Bad Id' is not an id: lowercase letters and digits joined by '-', at most 64 characters", error.DescriptionOf("id"));
    }

    [Fact]
    public async Task OversizedDefinition_IsInvalidArgument()
    {
        var big = new StringBuilder("""{"name":"big","description":" """);
        big.Append('x', 300 * 1024).Append("\",\"changes\":[{\"type\":\"close-place\",\"place\":\"suez\"}]}");

        RichError error = await Create("too-big", big.ToString()).Fails(StatusCode.InvalidArgument);

        Assert.StartsWith("the scenario is 307", error.DescriptionOf("definition"), StringComparison.Ordinal);
        Assert.EndsWith("bytes; the maximum is 262144", error.DescriptionOf("definition"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TooManyChanges_IsInvalidArgument()
    {
        string changes = string.Join(",", Enumerable.Repeat("""{"type":"close-place","place":"suez"}""", 201));

        RichError error = await Create("too-many", $$"""{"name":"many","changes":[{{changes}}]}""").Fails(StatusCode.InvalidArgument);

        Assert.Equal("201 changes; the maximum is 200", error.DescriptionOf("definition.changes"));
    }

    [Fact]
    public async Task ShippedScenarios_AreReadOnly_AndTheirIdsTaken()
    {
        RichError update = await _client.UpdateScenarioAsync(new UpdateScenarioRequest { Id = "red-sea-closed", ExpectedVersion = 1, Definition = Definitions.CloseBrest("red-sea-closed") },
            ScenarioServer.Writer, Bounded.Deadline()).Fails(StatusCode.FailedPrecondition);
        RichError delete = await _client.DeleteScenarioAsync(new DeleteScenarioRequest { Id = "cku-open", ExpectedVersion = 1 },
            ScenarioServer.Writer, Bounded.Deadline()).Fails(StatusCode.FailedPrecondition);
        RichError create = await Create("red-sea-closed", Definitions.CloseBrest("red-sea-closed")).Fails(StatusCode.AlreadyExists);

        Assert.StartsWith("shipped scenarios are read-only", update.Status.Message, StringComparison.Ordinal);
        Assert.StartsWith("shipped scenarios are read-only", delete.Status.Message, StringComparison.Ordinal);
        Assert.Equal("SCENARIO_READ_ONLY", update.ErrorInfo.Reason);
        Assert.Equal("SCENARIO_EXISTS", create.ErrorInfo.Reason);
        Scenario shipped = await _client.GetScenarioAsync(new GetScenarioRequest { Id = "red-sea-closed" }, deadline: Bounded.Deadline()).Within();
        Assert.Equal(1, shipped.Version);
        Assert.Contains("bab-el-mandeb", shipped.Definition, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DuplicateCreate_IsAlreadyExistsWithTheCurrentVersion()
    {
        await Create("dup-one", Definitions.CloseBrest("dup-one")).Within();

        RichError error = await Create("dup-one", Definitions.CloseRedSea("dup-one")).Fails(StatusCode.AlreadyExists);

        Assert.Equal("1", error.ErrorInfo.Metadata[ScenarioErrors.CurrentVersionKey]);
    }

    [Fact]
    public async Task UpdateOrDeleteOfAnUnknownId_IsNotFound()
    {
        await _client.UpdateScenarioAsync(new UpdateScenarioRequest { Id = "nobody", ExpectedVersion = 1, Definition = Definitions.CloseBrest("nobody") },
            ScenarioServer.Writer, Bounded.Deadline()).Fails(StatusCode.NotFound);
        await _client.DeleteScenarioAsync(new DeleteScenarioRequest { Id = "nobody", ExpectedVersion = 1 },
            ScenarioServer.Writer, Bounded.Deadline()).Fails(StatusCode.NotFound);
    }
}
