using System.Diagnostics;
using System.Globalization;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Corridors.Server.Persistence.Postgres;

/// <summary>
/// <see cref="IScenarioStore"/> on a PostgreSQL database shared by several replicas (<see cref="ScenarioStoreOptions.ConnectionString"/>),
/// with the same documents, versions, checks, outcomes and messages as <see cref="SqliteScenarioStore"/>.
/// <para>
/// Every write is one transaction that first bumps the store-wide change counter: the counter's row lock makes the
/// writes of all replicas take turns, so the change sequence is gap-free and in commit order, the scenario limit
/// holds under concurrency, and optimistic concurrency is a compare-and-set <c>UPDATE … WHERE id = $1 AND version = $2</c>
/// that sees every earlier commit. The transaction also sends <c>NOTIFY corridors_scenarios</c> (id, version,
/// sequence), which PostgreSQL delivers to every listening replica only if it commits. A write acknowledged as a
/// success is committed; when the database is lost mid-write the outcome is <see cref="StoreUnavailableReason.IoError"/>
/// even if the commit did land (PostgreSQL's reply was lost): never a false success, at worst a false failure, which
/// the notification then brings to every replica.
/// </para>
/// <para>
/// <see cref="PostgresChangeListener"/> keeps one connection listening, migrates the schema on the first connection
/// (under an advisory lock), reconnects with backoff and reports through <see cref="Signals"/>. While the database is
/// unreachable the store is <see cref="ScenarioStoreState.Unavailable"/> and writes get <see cref="ScenarioWriteResult.StoreUnavailable"/>;
/// it is never read-only. Thread-safe once <see cref="InitializeAsync"/> has completed.
/// </para>
/// </summary>
public sealed class PostgresScenarioStore : ISharedScenarioStore, IAsyncDisposable, IDisposable
{
    private const string Columns = "id, name, version, definition_json, created_unix_ms, updated_unix_ms";

    private readonly ScenarioStoreOptions _options;
    private readonly ScenarioDocumentRules _rules;
    private readonly TimeProvider _clock;
    private readonly ILogger _logger;
    private readonly ScenarioChangeFeed _feed;
    private readonly NpgsqlDataSource _dataSource;
    private readonly Channel<StoreSignal> _signals = Channel.CreateUnbounded<StoreSignal>(new UnboundedChannelOptions { SingleReader = true });
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private readonly PostgresChangeListener _listener;
    private volatile ScenarioStoreStatus _status = ScenarioStoreStatus.NotOpened;
    private volatile bool _schemaReady;
    private long _changeSequence;
    private int _started;
    private bool _disposed;

    /// <param name="options">Validated settings (<see cref="ScenarioStoreOptionsValidator"/> has parsed the connection string).</param>
    /// <param name="clock">Source of the created/updated timestamps (never of timeouts or backoff, which are wall time).</param>
    /// <param name="logger">Never receives scenario definitions or the connection string's password.</param>
    public PostgresScenarioStore(ScenarioStoreOptions options, TimeProvider clock, ILogger<PostgresScenarioStore> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(logger);
        _options = options;
        _rules = new ScenarioDocumentRules(options);
        _clock = clock;
        _logger = logger;
        _feed = new ScenarioChangeFeed(options.ChangeBufferCapacity);
        var connection = new NpgsqlConnectionStringBuilder(options.ConnectionString) { CommandTimeout = options.BusyTimeoutSeconds };
        if (string.IsNullOrEmpty(connection.ApplicationName))
        {
            connection.ApplicationName = "corridors";
        }

        Target = $"{connection.Host}:{connection.Port}/{connection.Database ?? connection.Username}";
        _dataSource = NpgsqlDataSource.Create(connection);
        _listener = new PostgresChangeListener(this, _dataSource, options, logger);
    }

    /// <summary>host:port/database, for messages (never the password).</summary>
    public string Target { get; }

    public ScenarioStoreStatus Status => _status;

    public long ChangeSequence => Interlocked.Read(ref _changeSequence);

    public ChannelReader<StoreSignal> Signals => _signals.Reader;

    public ScenarioChangeSubscription SubscribeChanges() => _feed.Subscribe();

    /// <summary>
    /// Starts the listener and waits for its first attempt: the store is then Ready, or Unavailable and retrying in the
    /// background (one log line says so). Throws <see cref="ScenarioStoreOpenException"/> when the database refuses
    /// this server for good: wrong user, password or database name, or a schema newer than this build.
    /// </summary>
    public async Task<ScenarioStoreStatus> InitializeAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (Interlocked.Exchange(ref _started, 1) == 0)
        {
            _listener.Start();
        }

        await _listener.FirstAttempt.WaitAsync(cancellationToken).ConfigureAwait(false);
        return _status;
    }

    public Task<ScenarioWriteResult> CreateAsync(string id, string name, string definitionJson, CancellationToken cancellationToken = default)
    {
        if (_rules.CheckCreate(id, name, definitionJson) is { } invalid)
        {
            return Task.FromResult(invalid);
        }

        return WriteAsync("create", id, async (connection, transaction, nowUnixMs) =>
        {
            if (await ReadVersionAsync(connection, transaction, id).ConfigureAwait(false) is { } existing)
            {
                return new ScenarioWriteResult.AlreadyExists(id, existing);
            }

            await using (NpgsqlCommand count = new("SELECT count(*) FROM scenarios", connection, transaction))
            {
                if (Convert.ToInt64(await count.ExecuteScalarAsync().ConfigureAwait(false), CultureInfo.InvariantCulture) >= _options.MaxScenarios)
                {
                    return new ScenarioWriteResult.LimitReached(_options.MaxScenarios);
                }
            }

            await using NpgsqlCommand insert = new($"INSERT INTO scenarios ({Columns}) VALUES ($1, $2, 1, $3, $4, $4)", connection, transaction);
            insert.Parameters.AddWithValue(id);
            insert.Parameters.AddWithValue(name);
            insert.Parameters.AddWithValue(definitionJson);
            insert.Parameters.AddWithValue(nowUnixMs);
            await insert.ExecuteNonQueryAsync().ConfigureAwait(false);
            DateTimeOffset now = DateTimeOffset.FromUnixTimeMilliseconds(nowUnixMs);
            return new ScenarioWriteResult.Created(new StoredScenario(id, name, 1, definitionJson, now, now));
        });
    }

    public Task<ScenarioWriteResult> UpdateAsync(string id, long expectedVersion, string name, string definitionJson, CancellationToken cancellationToken = default)
    {
        if (_rules.CheckUpdate(id, expectedVersion, name, definitionJson) is { } invalid)
        {
            return Task.FromResult(invalid);
        }

        return WriteAsync("update", id, async (connection, transaction, nowUnixMs) =>
        {
            // Compare-and-set in one statement: only the version the client read is replaced.
            await using (NpgsqlCommand update = new(
                """
                UPDATE scenarios
                SET name = $3, definition_json = $4, version = version + 1, updated_unix_ms = $5
                WHERE id = $1 AND version = $2
                RETURNING version, created_unix_ms
                """, connection, transaction))
            {
                update.Parameters.AddWithValue(id);
                update.Parameters.AddWithValue(expectedVersion);
                update.Parameters.AddWithValue(name);
                update.Parameters.AddWithValue(definitionJson);
                update.Parameters.AddWithValue(nowUnixMs);
                await using NpgsqlDataReader reader = await update.ExecuteReaderAsync().ConfigureAwait(false);
                if (await reader.ReadAsync().ConfigureAwait(false))
                {
                    return new ScenarioWriteResult.Updated(new StoredScenario(id, name, reader.GetInt64(0), definitionJson,
                        DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(1)), DateTimeOffset.FromUnixTimeMilliseconds(nowUnixMs)));
                }
            }

            return await ReadVersionAsync(connection, transaction, id).ConfigureAwait(false) is { } current
                ? new ScenarioWriteResult.VersionConflict(id, expectedVersion, current)
                : new ScenarioWriteResult.NotFound(id);
        });
    }

    public Task<ScenarioWriteResult> DeleteAsync(string id, long expectedVersion, CancellationToken cancellationToken = default)
    {
        if (_rules.CheckDelete(id, expectedVersion) is { } invalid)
        {
            return Task.FromResult(invalid);
        }

        return WriteAsync("delete", id, async (connection, transaction, _) =>
        {
            await using (NpgsqlCommand delete = new("DELETE FROM scenarios WHERE id = $1 AND version = $2 RETURNING version", connection, transaction))
            {
                delete.Parameters.AddWithValue(id);
                delete.Parameters.AddWithValue(expectedVersion);
                if (await delete.ExecuteScalarAsync().ConfigureAwait(false) is long deleted)
                {
                    return new ScenarioWriteResult.Deleted(id, deleted);
                }
            }

            return await ReadVersionAsync(connection, transaction, id).ConfigureAwait(false) is { } current
                ? new ScenarioWriteResult.VersionConflict(id, expectedVersion, current)
                : new ScenarioWriteResult.NotFound(id);
        });
    }

    public Task<StoredScenario?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        return ReadAsync(async connection =>
        {
            await using NpgsqlCommand select = new($"SELECT {Columns} FROM scenarios WHERE id = $1", connection);
            select.Parameters.AddWithValue(id);
            await using NpgsqlDataReader reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? ToScenario(reader) : null;
        }, cancellationToken);
    }

    public Task<IReadOnlyList<StoredScenario>> ListAsync(CancellationToken cancellationToken = default) =>
        ReadAsync<IReadOnlyList<StoredScenario>>(async connection =>
        {
            await using NpgsqlCommand select = new($"SELECT {Columns} FROM scenarios ORDER BY id", connection);
            await using NpgsqlDataReader reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            var scenarios = new List<StoredScenario>();
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                scenarios.Add(ToScenario(reader));
            }

            return scenarios;
        }, cancellationToken);

    /// <summary>Stops listening, completes every subscription and signal reader, and closes the connections.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        await _listener.DisposeAsync().ConfigureAwait(false);
        _feed.Dispose();
        _signals.Writer.TryComplete();
        await _dataSource.DisposeAsync().ConfigureAwait(false);
        _writeGate.Dispose();
    }

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    /// <summary>The listener reached the database: migrate once, read the counter, become Ready and ask for a catch-up.</summary>
    internal async Task OnConnectedAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        bool firstTime = !_schemaReady;
        if (firstTime)
        {
            long from = await PostgresSchema.MigrateAsync(connection, Target, cancellationToken).ConfigureAwait(false);
            if (from > 0 && from < PostgresSchema.LatestVersion)
            {
                StoreLog.Migrated(_logger, Target, from, PostgresSchema.LatestVersion);
            }

            _schemaReady = true;
        }

        long sequence;
        long count;
        await using (NpgsqlCommand read = new("SELECT (SELECT value FROM store_counters WHERE name = 'changes'), (SELECT count(*) FROM scenarios)", connection))
        await using (NpgsqlDataReader reader = await read.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            sequence = reader.GetInt64(0);
            count = reader.GetInt64(1);
        }

        ObserveSequence(sequence);
        _status = new ScenarioStoreStatus(ScenarioStoreState.Ready, null, "The scenario store is ready.");
        if (firstTime)
        {
            StoreLog.Opened(_logger, Target, ScenarioStoreState.Ready, PostgresSchema.LatestVersion, count, sequence);
        }
        else
        {
            StoreLog.Reconnected(_logger, Target, sequence);
        }

        _signals.Writer.TryWrite(new StoreSignal.CatchUp());
    }

    /// <summary>A notification arrived: some replica committed <paramref name="change"/>.</summary>
    internal void OnNotified(ScenarioChange change)
    {
        ObserveSequence(change.Sequence);
        _signals.Writer.TryWrite(new StoreSignal.Changed(change));
    }

    /// <summary>A notification this build cannot read: the only safe answer is to re-read everything.</summary>
    internal void OnNotifiedUnreadable() => _signals.Writer.TryWrite(new StoreSignal.CatchUp());

    /// <summary>The listener lost the database (or never reached it); it retries after <paramref name="retryIn"/>.</summary>
    internal void OnLost(Exception exception, TimeSpan retryIn, bool firstInARow)
    {
        string problem = $"PostgreSQL {Target} cannot be reached ({PostgresErrors.Describe(exception)}); retrying every {_options.ReconnectMaxSeconds} s at most. "
            + "Shipped scenarios and the ones already loaded keep being served; changes are refused until it is back.";
        _status = new ScenarioStoreStatus(ScenarioStoreState.Unavailable, StoreUnavailableReason.IoError, problem);
        _dataSource.Clear(); // pooled connections to the old server are dead: do not hand them to the next write
        if (firstInARow)
        {
            StoreLog.Unreachable(_logger, problem);
            _signals.Writer.TryWrite(new StoreSignal.Lost(problem));
        }
        else
        {
            string described = PostgresErrors.Describe(exception);
            StoreLog.RetryFailed(_logger, Target, retryIn.TotalSeconds, described);
        }
    }

    private void ObserveSequence(long sequence)
    {
        long seen = Interlocked.Read(ref _changeSequence);
        while (sequence > seen)
        {
            long previous = Interlocked.CompareExchange(ref _changeSequence, sequence, seen);
            if (previous == seen)
            {
                return;
            }

            seen = previous;
        }
    }

    private async Task<ScenarioWriteResult> WriteAsync(
        string operation,
        string id,
        Func<NpgsqlConnection, NpgsqlTransaction, long, Task<ScenarioWriteResult>> body)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        using Activity? span = Metrics.CorridorsTelemetry.Traces.StartActivity("postgresql " + operation, ActivityKind.Client);
        span?.SetTag("db.system", "postgresql");
        span?.SetTag("db.operation", operation);
        span?.SetTag("corridors.scenario_id", id);
        if (!_schemaReady)
        {
            ScenarioStoreStatus status = _status;
            return new ScenarioWriteResult.StoreUnavailable(status.Reason ?? StoreUnavailableReason.IoError, status.Message);
        }

        // Serialised in this process too, so that this store's own subscribers get its changes in commit order. Past
        // this point the write is not cancelled: it commits entirely or not at all.
        await _writeGate.WaitAsync().ConfigureAwait(false);
        try
        {
            long nowUnixMs = _clock.GetUtcNow().ToUnixTimeMilliseconds();
            ScenarioChange? change = null;
            ScenarioWriteResult result;
            try
            {
                await using NpgsqlConnection connection = await _dataSource.OpenConnectionAsync().ConfigureAwait(false);
                await using NpgsqlTransaction transaction = await connection.BeginTransactionAsync().ConfigureAwait(false);
                long sequence;
                await using (NpgsqlCommand bump = new("UPDATE store_counters SET value = value + 1 WHERE name = 'changes' RETURNING value", connection, transaction))
                {
                    // First statement: the counter's row lock makes every replica's writes take turns until commit.
                    sequence = Convert.ToInt64(await bump.ExecuteScalarAsync().ConfigureAwait(false), CultureInfo.InvariantCulture);
                }

                result = await body(connection, transaction, nowUnixMs).ConfigureAwait(false);
                if (ScenarioChange.Of(result) is { } written)
                {
                    change = written with { Sequence = sequence };
                    await using (NpgsqlCommand notify = new("SELECT pg_notify($1, $2)", connection, transaction))
                    {
                        notify.Parameters.AddWithValue(PostgresSchema.Channel);
                        notify.Parameters.AddWithValue(ChangePayload.Write(change));
                        await notify.ExecuteNonQueryAsync().ConfigureAwait(false);
                    }

                    await transaction.CommitAsync().ConfigureAwait(false);
                }
                else
                {
                    await transaction.RollbackAsync().ConfigureAwait(false);
                }
            }
            catch (Exception exception) when (PostgresErrors.ReasonOf(exception) is { } reason)
            {
                string problem = reason == StoreUnavailableReason.Busy
                    ? $"PostgreSQL {Target} did not answer within {_options.BusyTimeoutSeconds} s: {PostgresErrors.Describe(exception)}"
                    : $"PostgreSQL {Target}: {PostgresErrors.Describe(exception)}";
                StoreLog.WriteFailed(_logger, operation, id, reason, problem);
                return new ScenarioWriteResult.StoreUnavailable(reason, problem);
            }

            if (change is not null)
            {
                ObserveSequence(change.Sequence);
                StoreLog.Written(_logger, change.Id, change.Kind, change.Version, change.Sequence);
                _feed.Publish(change);
            }

            return result;
        }
        finally
        {
            _writeGate.Release();
        }
    }

    private async Task<T> ReadAsync<T>(Func<NpgsqlConnection, Task<T>> query, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        cancellationToken.ThrowIfCancellationRequested();
        using Activity? span = Metrics.CorridorsTelemetry.Traces.StartActivity("postgresql read", ActivityKind.Client);
        span?.SetTag("db.system", "postgresql");
        if (!_schemaReady)
        {
            ScenarioStoreStatus status = _status;
            throw new ScenarioStoreUnavailableException(status.Reason ?? StoreUnavailableReason.IoError, status.Message);
        }

        try
        {
            await using NpgsqlConnection connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            return await query(connection).ConfigureAwait(false);
        }
        catch (Exception exception) when (PostgresErrors.ReasonOf(exception) is { } reason)
        {
            throw new ScenarioStoreUnavailableException(reason, $"PostgreSQL {Target}: {PostgresErrors.Describe(exception)}", exception);
        }
    }

    private static async Task<long?> ReadVersionAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string id)
    {
        await using NpgsqlCommand select = new("SELECT version FROM scenarios WHERE id = $1", connection, transaction);
        select.Parameters.AddWithValue(id);
        return await select.ExecuteScalarAsync().ConfigureAwait(false) is long version ? version : null;
    }

    private static StoredScenario ToScenario(NpgsqlDataReader reader) => new(
        reader.GetString(0),
        reader.GetString(1),
        reader.GetInt64(2),
        reader.GetString(3),
        DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(4)),
        DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(5)));
}
