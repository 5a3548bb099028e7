using System.Collections.Concurrent;
using System.Threading.Channels;
using Corridors.Application.Queries;
using Corridors.Domain.Routing;
using Corridors.Domain.Scenarios;
using Corridors.Server.Networks;
using Corridors.Server.Persistence;
using Microsoft.Extensions.Logging;

namespace Corridors.Server.Scenarios;

/// <summary>
/// The scenarios the server answers under, each compiled once into an overlay keyed by id and version: the shipped
/// ones (<c>networks/scenarios/</c>, version 1, read-only) and the stored ones (loaded from the
/// <see cref="IScenarioStore"/> at start-up, recompiled on every change made through here, and — for a store shared by
/// several replicas — on every change another replica made, through <see cref="SyncAsync"/> and <see cref="CatchUpAsync"/>,
/// which <see cref="ScenarioReplicaSync"/> calls). A replaced or deleted scenario's cached answers are dropped from the
/// <see cref="ComparisonCache"/>. Queries read a
/// snapshot without locks; writes are serialised, validated against the network before they reach the store, and
/// served as soon as the store acknowledges them. Watchers of a scenario (<see cref="Watch"/>) get each change to
/// that scenario and no other, through their own one-slot buffer where the latest change wins, so a slow watcher
/// never holds up a writer or another watcher.
/// </summary>
public sealed class ScenarioRegistry(LoadedNetwork loaded, IScenarioStore store, ILogger<ScenarioRegistry> logger, Services.ComparisonCache? cache = null)
    : IDisposable
{
    private readonly ConcurrentDictionary<string, RegisteredScenario> _scenarios = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _writes = new(1, 1);
    private readonly Lock _watchGate = new();
    private readonly Dictionary<string, List<Channel<ScenarioSignal>>> _watchers = new(StringComparer.Ordinal);
    private volatile bool _initialized;

    /// <summary>True once the shipped and stored scenarios are loaded (before the server accepts calls).</summary>
    public bool IsInitialized => _initialized;

    /// <summary>Compiles the shipped scenarios and loads the stored ones. A stored one that no longer validates (the network changed) is logged and not served; an unreadable store leaves only the shipped ones.</summary>
    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        CorridorRouter router = loaded.Queries.Router;
        foreach (Scenario shipped in router.Dataset.Scenarios)
        {
            _scenarios[shipped.Id] = Register(shipped, 1, isShipped: true, null, null);
        }

        int stored = 0;
        try
        {
            foreach (StoredScenario document in await store.ListAsync(cancellationToken).ConfigureAwait(false))
            {
                if (Compile(document) is { } scenario)
                {
                    _scenarios[document.Id] = Register(scenario, document.Version, isShipped: false, document.CreatedUtc, document.UpdatedUtc);
                    stored++;
                }
            }
        }
        catch (ScenarioStoreUnavailableException e)
        {
            ScenarioLog.StoreUnreadable(logger, e.Reason, e.Message);
        }

        _initialized = true;
        ScenarioLog.Ready(logger, router.Dataset.Scenarios.Count, stored);
    }

    /// <summary>The scenario with this id, or null.</summary>
    public RegisteredScenario? Find(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return _scenarios.TryGetValue(id, out RegisteredScenario? scenario) ? scenario : null;
    }

    /// <summary>Every scenario: shipped first, then stored, each ordered by id (ordinal).</summary>
    public IReadOnlyList<RegisteredScenario> List() =>
        [.. _scenarios.Values.OrderBy(s => s.IsShipped ? 0 : 1).ThenBy(s => s.Id, StringComparer.Ordinal)];

    /// <summary>
    /// The scenario a query's <c>scenario_id</c> names: null for an empty id (the baseline), the scenario, or a
    /// NOT_FOUND error listing the known ids.
    /// </summary>
    public ContractError? TryResolve(string scenarioId, out RegisteredScenario? scenario)
    {
        ArgumentNullException.ThrowIfNull(scenarioId);
        scenario = null;
        string id = scenarioId.Trim();
        if (id.Length == 0)
        {
            return null;
        }

        scenario = Find(id);
        return scenario is not null
            ? null
            : ContractError.ScenarioNotFound("scenario_id", scenarioId, [.. List().Select(s => new Candidate(s.Id, s.Name))]);
    }

    /// <summary>Creates a stored scenario at version 1 (see <see cref="ScenarioMutation"/> for the outcomes).</summary>
    public async Task<ScenarioMutation> CreateAsync(string id, string name, string definitionJson, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        if (Find(id) is { IsShipped: true })
        {
            return new ScenarioMutation.ShippedIdTaken(id);
        }

        var validated = Validate(id, name, definitionJson);
        if (validated.Errors is { } errors)
        {
            return new ScenarioMutation.Invalid(errors);
        }

        await _writes.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ScenarioWriteResult result = await store.CreateAsync(id, validated.Scenario!.Name, validated.Canonical!, CancellationToken.None).ConfigureAwait(false);
            if (result is not ScenarioWriteResult.Created created)
            {
                return new ScenarioMutation.StoreRefused(result);
            }

            return Apply(created.Scenario, validated.Scenario, "created");
        }
        finally
        {
            _writes.Release();
        }
    }

    /// <summary>Replaces a stored scenario if it is at <paramref name="expectedVersion"/>.</summary>
    public async Task<ScenarioMutation> UpdateAsync(string id, long expectedVersion, string name, string definitionJson, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        if (Find(id) is { IsShipped: true })
        {
            return new ScenarioMutation.ShippedReadOnly(id);
        }

        var validated = Validate(id, name, definitionJson);
        if (validated.Errors is { } errors)
        {
            return new ScenarioMutation.Invalid(errors);
        }

        await _writes.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ScenarioWriteResult result = await store.UpdateAsync(id, expectedVersion, validated.Scenario!.Name, validated.Canonical!, CancellationToken.None)
                .ConfigureAwait(false);
            if (result is not ScenarioWriteResult.Updated updated)
            {
                return new ScenarioMutation.StoreRefused(result);
            }

            return Apply(updated.Scenario, validated.Scenario, "updated");
        }
        finally
        {
            _writes.Release();
        }
    }

    /// <summary>Deletes a stored scenario if it is at <paramref name="expectedVersion"/>.</summary>
    public async Task<ScenarioMutation> DeleteAsync(string id, long expectedVersion, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        if (Find(id) is { IsShipped: true })
        {
            return new ScenarioMutation.ShippedReadOnly(id);
        }

        if (id.Length == 0)
        {
            return new ScenarioMutation.Invalid([ContractError.Invalid("id", "is required")]);
        }

        await _writes.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ScenarioWriteResult result = await store.DeleteAsync(id, expectedVersion, CancellationToken.None).ConfigureAwait(false);
            if (result is not ScenarioWriteResult.Deleted deleted)
            {
                return new ScenarioMutation.StoreRefused(result);
            }

            Remove(id, "deleted", deleted.Version);
            return new ScenarioMutation.Done(id, deleted.Version, null);
        }
        finally
        {
            _writes.Release();
        }
    }

    /// <summary>
    /// Brings one stored scenario in line with the store (a hint that some replica changed it): re-reads it, and if
    /// it differs from what is served — another version, another document, or gone — recompiles or removes it,
    /// drops its cached answers and tells its watchers. Returns whether anything changed. Throws
    /// <see cref="ScenarioStoreUnavailableException"/> when the store cannot be read (the caller catches up later).
    /// </summary>
    public async Task<bool> SyncAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        await _writes.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            StoredScenario? document = await store.GetAsync(id, cancellationToken).ConfigureAwait(false);
            return Reconcile(id, document);
        }
        finally
        {
            _writes.Release();
        }
    }

    /// <summary>
    /// Brings every stored scenario in line with the store, as <see cref="SyncAsync"/> does for one (after the shared
    /// database was lost and reached again: notifications sent meanwhile are gone, the table is the truth). Returns
    /// how many scenarios changed.
    /// </summary>
    public async Task<int> CatchUpAsync(CancellationToken cancellationToken = default)
    {
        await _writes.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            IReadOnlyList<StoredScenario> documents = await store.ListAsync(cancellationToken).ConfigureAwait(false);
            var stored = new HashSet<string>(documents.Select(d => d.Id), StringComparer.Ordinal);
            int changed = documents.Count(document => Reconcile(document.Id, document));
            foreach (RegisteredScenario gone in _scenarios.Values.Where(s => !s.IsShipped && !stored.Contains(s.Id)).ToList())
            {
                changed += Reconcile(gone.Id, null) ? 1 : 0;
            }

            return changed;
        }
        finally
        {
            _writes.Release();
        }
    }

    /// <summary>
    /// Subscribes to changes of one scenario. The reader holds at most one signal, the latest; dispose the watch to
    /// unsubscribe. Subscribe before reading the scenario so that no change falls between the two.
    /// </summary>
    public ScenarioWatch Watch(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        var channel = Channel.CreateBounded<ScenarioSignal>(new BoundedChannelOptions(1)
        {
            FullMode = BoundedChannelFullMode.DropOldest,
            SingleReader = true,
            SingleWriter = false,
        });
        lock (_watchGate)
        {
            if (!_watchers.TryGetValue(id, out List<Channel<ScenarioSignal>>? list))
            {
                _watchers[id] = list = [];
            }

            list.Add(channel);
        }

        return new ScenarioWatch(channel.Reader, () => Unwatch(id, channel));
    }

    /// <summary>The number of live watches of <paramref name="id"/> (for tests and diagnostics).</summary>
    public int WatcherCount(string id)
    {
        lock (_watchGate)
        {
            return _watchers.TryGetValue(id, out List<Channel<ScenarioSignal>>? list) ? list.Count : 0;
        }
    }

    public void Dispose()
    {
        lock (_watchGate)
        {
            foreach (Channel<ScenarioSignal> channel in _watchers.Values.SelectMany(l => l))
            {
                channel.Writer.TryComplete();
            }

            _watchers.Clear();
        }

        _writes.Dispose();
    }

    // Store writes run with CancellationToken.None: once a write is sent it is either committed and served, or
    // refused; a cancelled call must not leave a committed write unserved.

    private ScenarioMutation.Done Apply(StoredScenario document, Scenario scenario, string change)
    {
        RegisteredScenario entry = Register(scenario, document.Version, isShipped: false, document.CreatedUtc, document.UpdatedUtc);
        if (_scenarios.TryGetValue(document.Id, out RegisteredScenario? replaced))
        {
            cache?.Forget(replaced.Revision);
        }

        _scenarios[document.Id] = entry;
        ScenarioLog.Changed(logger, document.Id, change, document.Version);
        Publish(new ScenarioSignal(document.Id, entry));
        return new ScenarioMutation.Done(document.Id, document.Version, entry);
    }

    private void Remove(string id, string change, long version)
    {
        if (_scenarios.TryRemove(id, out RegisteredScenario? removed))
        {
            cache?.Forget(removed.Revision);
        }

        ScenarioLog.Changed(logger, id, change, version);
        Publish(new ScenarioSignal(id, null));
    }

    /// <summary>Serves <paramref name="document"/> (null: the scenario is gone) unless it is what is served already. Caller holds <c>_writes</c>.</summary>
    private bool Reconcile(string id, StoredScenario? document)
    {
        RegisteredScenario? current = Find(id);
        if (current is { IsShipped: true })
        {
            return false;
        }

        if (document is null)
        {
            if (current is null)
            {
                return false;
            }

            Remove(id, "deleted elsewhere", current.Version);
            return true;
        }

        // The store's document is the canonical one the registry wrote, so equal fields mean the same scenario; the
        // timestamps tell apart a scenario deleted and created again at the same version.
        if (current is not null && current.Version == document.Version && current.UpdatedUtc == document.UpdatedUtc
            && current.CreatedUtc == document.CreatedUtc && current.Name == document.Name && current.DefinitionJson == document.DefinitionJson)
        {
            return false;
        }

        if (Compile(document) is not { } scenario)
        {
            if (current is not null)
            {
                Remove(id, "no longer valid", current.Version);
            }

            return current is not null;
        }

        Apply(document, scenario, current is null ? "created elsewhere" : "updated elsewhere");
        return true;
    }

    /// <summary>The stored document as a scenario with its stored id and name, or null (logged) when it does not validate or takes a shipped id.</summary>
    private Scenario? Compile(StoredScenario document)
    {
        if (_scenarios.TryGetValue(document.Id, out RegisteredScenario? existing) && existing.IsShipped)
        {
            ScenarioLog.StoredInvalid(logger, document.Id, document.Version, "a shipped scenario has the same id");
            return null;
        }

        CorridorRouter router = loaded.Queries.Router;
        QueryResult<Scenario> parsed = ScenarioJson.Parse(document.DefinitionJson, router.Network, router.Dataset.Sanctions);
        if (parsed.Value is not { } scenario)
        {
            ScenarioLog.StoredInvalid(logger, document.Id, document.Version, string.Join("; ", parsed.Errors.Select(e => $"{e.Field}: {e.Message}")));
            return null;
        }

        return scenario with { Id = document.Id, Name = document.Name };
    }

    private void Publish(ScenarioSignal signal)
    {
        lock (_watchGate)
        {
            if (_watchers.TryGetValue(signal.Id, out List<Channel<ScenarioSignal>>? list))
            {
                foreach (Channel<ScenarioSignal> channel in list)
                {
                    // One slot, DropOldest: never blocks; a watcher that has not read yet sees only the latest.
                    channel.Writer.TryWrite(signal);
                }
            }
        }
    }

    private void Unwatch(string id, Channel<ScenarioSignal> channel)
    {
        lock (_watchGate)
        {
            if (_watchers.TryGetValue(id, out List<Channel<ScenarioSignal>>? list))
            {
                list.Remove(channel);
                if (list.Count == 0)
                {
                    _watchers.Remove(id);
                }
            }
        }

        channel.Writer.TryComplete();
    }

    private RegisteredScenario Register(Scenario scenario, long version, bool isShipped, DateTimeOffset? created, DateTimeOffset? updated)
    {
        CorridorRouter router = loaded.Queries.Router;
        ScenarioOverlay overlay = ScenarioOverlay.Compile(scenario, version, router.Graph, router.Dataset.Sanctions);
        return new RegisteredScenario(scenario.Id, scenario.Name, version, isShipped, ScenarioJson.Write(scenario), scenario, overlay, created, updated);
    }

    /// <summary>
    /// Checks a create or update request: the id, the definition against the network and measures (field paths
    /// <c>definition.changes[0].link</c>; the request's id and name fill in a document that has none) and the
    /// definition's own id. Returns the scenario with the
    /// request's id and name and its canonical document, or the errors.
    /// </summary>
    /// <summary>Fills a document's id while its request's id is invalid (that one is reported as "id"); never stored.</summary>
    private const string StandInId = "request-id-invalid";

    private (Scenario? Scenario, string? Canonical, IReadOnlyList<ContractError>? Errors) Validate(string? id, string? name, string? definitionJson)
    {
        var errors = new List<ContractError>();
        id ??= string.Empty;
        name = (name ?? string.Empty).Trim();
        if (id.Length == 0)
        {
            errors.Add(ContractError.Invalid("id", "is required"));
        }
        else if (!ScenarioJson.IsValidId(id))
        {
            errors.Add(ContractError.Invalid("id", $"'{id}' is not an id: {ScenarioJson.IdRule}"));
        }

        Scenario? scenario = null;
        if (string.IsNullOrWhiteSpace(definitionJson))
        {
            errors.Add(ContractError.Invalid("definition", "is required: the scenario document as JSON"));
        }
        else
        {
            CorridorRouter router = loaded.Queries.Router;
            // A bad request id is reported once, as "id": the document is checked with a stand-in for it.
            bool requestIdValid = ScenarioJson.IsValidId(id);
            string fillId = requestIdValid ? id : StandInId;
            QueryResult<Scenario> parsed = ScenarioJson.Parse(WithIdAndName(definitionJson, fillId, name), router.Network, router.Dataset.Sanctions);
            errors.AddRange(parsed.Errors.Select(e => ContractError.Invalid(e.Field == "definition" ? "definition" : "definition." + e.Field, e.Message)));
            scenario = parsed.Value;
        }

        if (scenario is not null)
        {
            if (scenario.Id.Length > 0 && ScenarioJson.IsValidId(id) && scenario.Id != id)
            {
                errors.Add(ContractError.Invalid("definition.id", $"'{scenario.Id}' differs from the request's id '{id}'; leave it out or make them equal"));
            }
        }

        if (errors.Count > 0 || scenario is null)
        {
            return (null, null, errors);
        }

        scenario = scenario with { Id = id, Name = name.Length > 0 ? name : scenario.Name.Trim() };
        return (scenario, ScenarioJson.Write(scenario), null);
    }

    /// <summary>
    /// The document with the request's id and name filled in where it has none (the document format requires both;
    /// an API client need not repeat them). Anything that is not a JSON object within the size cap is passed on as it
    /// is, for the parser to report.
    /// </summary>
    private static string WithIdAndName(string definitionJson, string id, string name)
    {
        if (System.Text.Encoding.UTF8.GetByteCount(definitionJson) > ScenarioJson.MaxDocumentBytes)
        {
            return definitionJson;
        }

        try
        {
            if (System.Text.Json.Nodes.JsonNode.Parse(definitionJson) is not System.Text.Json.Nodes.JsonObject document)
            {
                return definitionJson;
            }

            bool changed = false;
            if (!document.ContainsKey("id") && id.Length > 0)
            {
                document["id"] = id;
                changed = true;
            }

            if (!document.ContainsKey("name") && name.Length > 0)
            {
                document["name"] = name;
                changed = true;
            }

            return changed ? document.ToJsonString() : definitionJson;
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or ArgumentException or InvalidOperationException)
        {
            return definitionJson;
        }
    }
}

/// <summary>One watcher's view of a scenario's changes; dispose it to unsubscribe.</summary>
public sealed class ScenarioWatch(ChannelReader<ScenarioSignal> signals, Action unsubscribe) : IDisposable
{
    /// <summary>At most one pending signal, the latest; completes when the watch or the registry is disposed.</summary>
    public ChannelReader<ScenarioSignal> Signals { get; } = signals;

    public void Dispose() => unsubscribe();
}
