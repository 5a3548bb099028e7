using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace Corridors.Server.Persistence;

/// <summary>
/// <see cref="IScenarioStore"/> on one SQLite file (<see cref="ScenarioStoreOptions.DatabasePath"/>).
/// <para>
/// Durability: the file is in WAL mode with <c>synchronous=FULL</c>, so a write is fsynced to the WAL before it is
/// acknowledged and survives <c>kill -9</c> (and power loss). Every write is one <c>BEGIN IMMEDIATE</c> transaction
/// (check, write, bump the change counter, commit), so it happens entirely or not at all; optimistic concurrency is
/// a compare-and-set <c>UPDATE … WHERE id = $id AND version = $expected</c> inside it. Writes through one instance are
/// also serialised in process, so changes are published in commit order. SQL is parameterised throughout.
/// </para>
/// <para>
/// Opening (<see cref="InitializeAsync"/>) creates the folder, the file and the schema, or migrates an older schema.
/// It never modifies a file it does not recognise: a file that is not a SQLite database, a damaged database or
/// another application's database leaves the store <see cref="ScenarioStoreState.Unavailable"/>; a read-only file or
/// folder leaves it <see cref="ScenarioStoreState.ReadOnly"/> (reads work, writes are refused); a schema newer than
/// this build throws <see cref="ScenarioStoreOpenException"/> (the server must not start on it).
/// </para>
/// Thread-safe: all members may be called concurrently once <see cref="InitializeAsync"/> has completed.
/// </summary>
public sealed class SqliteScenarioStore : IScenarioStore, IDisposable
{
    private const string Columns = "id, name, version, definition_json, created_unix_ms, updated_unix_ms";

    // The first 16 bytes of every SQLite 3 database file (https://www.sqlite.org/fileformat.html#the_database_header).
    private static readonly byte[] SqliteHeader = "SQLite format 3\0"u8.ToArray();

    private readonly ScenarioStoreOptions _options;
    private readonly ScenarioDocumentRules _rules;
    private readonly TimeProvider _clock;
    private readonly ILogger _logger;
    private readonly ScenarioChangeFeed _feed;
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private readonly string _readWriteConnectionString;
    private string _readConnectionString;
    private volatile ScenarioStoreStatus _status = ScenarioStoreStatus.NotOpened;
    private long _changeSequence;
    private bool _disposed;

    /// <param name="options">Validated settings.</param>
    /// <param name="contentRootPath">Folder a relative <see cref="ScenarioStoreOptions.DatabasePath"/> is resolved against.</param>
    /// <param name="clock">Source of the created/updated timestamps.</param>
    /// <param name="logger">Never receives scenario definitions, only ids, versions and file problems.</param>
    public SqliteScenarioStore(ScenarioStoreOptions options, string contentRootPath, TimeProvider clock, ILogger<SqliteScenarioStore> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(logger);
        _options = options;
        _rules = new ScenarioDocumentRules(options);
        _clock = clock;
        _logger = logger;
        _feed = new ScenarioChangeFeed(options.ChangeBufferCapacity);
        DatabasePath = options.ResolveDatabasePath(contentRootPath);
        _readWriteConnectionString = new SqliteConnectionStringBuilder
        {
            DataSource = DatabasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = options.BusyTimeoutSeconds,
        }.ToString();
        _readConnectionString = _readWriteConnectionString;
    }

    /// <summary>The absolute path of the database file.</summary>
    public string DatabasePath { get; }

    public ScenarioStoreStatus Status => _status;

    public long ChangeSequence => Interlocked.Read(ref _changeSequence);

    public ScenarioChangeSubscription SubscribeChanges() => _feed.Subscribe();

    /// <summary>
    /// Opens the file (creating or migrating it as needed) and returns the resulting status; idempotent. Throws
    /// <see cref="ScenarioStoreOpenException"/> only for a schema newer than this build.
    /// </summary>
    public async Task<ScenarioStoreStatus> InitializeAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_status.State == ScenarioStoreState.NotOpened)
            {
                _status = Open();
            }

            return _status;
        }
        finally
        {
            _writeGate.Release();
        }
    }

    public Task<ScenarioWriteResult> CreateAsync(string id, string name, string definitionJson, CancellationToken cancellationToken = default)
    {
        if (_rules.CheckCreate(id, name, definitionJson) is { } invalid)
        {
            return Task.FromResult<ScenarioWriteResult>(invalid);
        }

        return WriteAsync("create", id, (connection, transaction, nowUnixMs) =>
        {
            if (ReadVersion(connection, transaction, id) is { } existing)
            {
                return new ScenarioWriteResult.AlreadyExists(id, existing);
            }

            using SqliteCommand count = Command(connection, transaction, "SELECT COUNT(*) FROM scenarios;");
            if (Convert.ToInt64(count.ExecuteScalar(), CultureInfo.InvariantCulture) >= _options.MaxScenarios)
            {
                return new ScenarioWriteResult.LimitReached(_options.MaxScenarios);
            }

            using SqliteCommand insert = Command(connection, transaction,
                $"INSERT INTO scenarios ({Columns}) VALUES ($id, $name, 1, $definition, $now, $now);");
            insert.Parameters.AddWithValue("$id", id);
            insert.Parameters.AddWithValue("$name", name);
            insert.Parameters.AddWithValue("$definition", definitionJson);
            insert.Parameters.AddWithValue("$now", nowUnixMs);
            insert.ExecuteNonQuery();
            DateTimeOffset now = DateTimeOffset.FromUnixTimeMilliseconds(nowUnixMs);
            return new ScenarioWriteResult.Created(new StoredScenario(id, name, 1, definitionJson, now, now));
        }, cancellationToken);
    }

    public Task<ScenarioWriteResult> UpdateAsync(string id, long expectedVersion, string name, string definitionJson, CancellationToken cancellationToken = default)
    {
        if (_rules.CheckUpdate(id, expectedVersion, name, definitionJson) is { } invalid)
        {
            return Task.FromResult<ScenarioWriteResult>(invalid);
        }

        return WriteAsync("update", id, (connection, transaction, nowUnixMs) =>
        {
            // Compare-and-set in one statement: only the version the client read is replaced.
            using SqliteCommand update = Command(connection, transaction,
                """
                UPDATE scenarios
                SET name = $name, definition_json = $definition, version = version + 1, updated_unix_ms = $now
                WHERE id = $id AND version = $expected
                RETURNING version, created_unix_ms;
                """);
            update.Parameters.AddWithValue("$id", id);
            update.Parameters.AddWithValue("$expected", expectedVersion);
            update.Parameters.AddWithValue("$name", name);
            update.Parameters.AddWithValue("$definition", definitionJson);
            update.Parameters.AddWithValue("$now", nowUnixMs);
            using (SqliteDataReader reader = update.ExecuteReader())
            {
                if (reader.Read())
                {
                    var scenario = new StoredScenario(id, name, reader.GetInt64(0), definitionJson,
                        DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(1)), DateTimeOffset.FromUnixTimeMilliseconds(nowUnixMs));
                    return new ScenarioWriteResult.Updated(scenario);
                }
            }

            return ReadVersion(connection, transaction, id) is { } current
                ? new ScenarioWriteResult.VersionConflict(id, expectedVersion, current)
                : new ScenarioWriteResult.NotFound(id);
        }, cancellationToken);
    }

    public Task<ScenarioWriteResult> DeleteAsync(string id, long expectedVersion, CancellationToken cancellationToken = default)
    {
        if (_rules.CheckDelete(id, expectedVersion) is { } invalid)
        {
            return Task.FromResult<ScenarioWriteResult>(invalid);
        }

        return WriteAsync("delete", id, (connection, transaction, _) =>
        {
            using SqliteCommand delete = Command(connection, transaction,
                "DELETE FROM scenarios WHERE id = $id AND version = $expected RETURNING version;");
            delete.Parameters.AddWithValue("$id", id);
            delete.Parameters.AddWithValue("$expected", expectedVersion);
            if (delete.ExecuteScalar() is long deleted)
            {
                return new ScenarioWriteResult.Deleted(id, deleted);
            }

            return ReadVersion(connection, transaction, id) is { } current
                ? new ScenarioWriteResult.VersionConflict(id, expectedVersion, current)
                : new ScenarioWriteResult.NotFound(id);
        }, cancellationToken);
    }

    public Task<StoredScenario?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(Read(connection =>
        {
            using SqliteCommand select = Command(connection, null, $"SELECT {Columns} FROM scenarios WHERE id = $id;");
            select.Parameters.AddWithValue("$id", id);
            using SqliteDataReader reader = select.ExecuteReader();
            return reader.Read() ? ToScenario(reader) : null;
        }));
    }

    public Task<IReadOnlyList<StoredScenario>> ListAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(Read<IReadOnlyList<StoredScenario>>(connection =>
        {
            // BINARY collation: ordinal order of the UTF-8 bytes, the same as string.CompareOrdinal for these ids.
            using SqliteCommand select = Command(connection, null, $"SELECT {Columns} FROM scenarios ORDER BY id;");
            using SqliteDataReader reader = select.ExecuteReader();
            var scenarios = new List<StoredScenario>();
            while (reader.Read())
            {
                scenarios.Add(ToScenario(reader));
            }

            return scenarios;
        }));
    }

    /// <summary>Completes every change subscription and releases the pooled connections (and so the file).</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _feed.Dispose();
        using (var connection = new SqliteConnection(_readWriteConnectionString))
        {
            SqliteConnection.ClearPool(connection);
        }

        using (var connection = new SqliteConnection(_readConnectionString))
        {
            SqliteConnection.ClearPool(connection);
        }

        _writeGate.Dispose();
    }

    private async Task<ScenarioWriteResult> WriteAsync(
        string operation,
        string id,
        Func<SqliteConnection, SqliteTransaction, long, ScenarioWriteResult> body,
        CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        using Activity? span = Metrics.CorridorsTelemetry.Traces.StartActivity("sqlite " + operation, ActivityKind.Client);
        span?.SetTag("db.system", "sqlite");
        span?.SetTag("db.operation", operation);
        span?.SetTag("corridors.scenario_id", id);
        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ScenarioStoreStatus status = _status;
            if (status.State != ScenarioStoreState.Ready)
            {
                return new ScenarioWriteResult.StoreUnavailable(status.Reason ?? StoreUnavailableReason.IoError, status.Message);
            }

            // Past this point the write is not cancelled: it commits entirely or not at all.
            long nowUnixMs = _clock.GetUtcNow().ToUnixTimeMilliseconds();
            ScenarioChange? change = null;
            ScenarioWriteResult result;
            try
            {
                using SqliteConnection connection = OpenConnection(_readWriteConnectionString);
                using SqliteTransaction transaction = connection.BeginTransaction(deferred: false);
                result = body(connection, transaction, nowUnixMs);
                if (ScenarioChange.Of(result) is { } written)
                {
                    using SqliteCommand bump = Command(connection, transaction,
                        "UPDATE store_counters SET value = value + 1 WHERE name = 'changes' RETURNING value;");
                    long sequence = Convert.ToInt64(bump.ExecuteScalar(), CultureInfo.InvariantCulture);
                    transaction.Commit();
                    change = written with { Sequence = sequence };
                }
                else
                {
                    transaction.Rollback();
                }
            }
            catch (SqliteException exception) when (ReasonOf(exception) is { } reason)
            {
                string problem = Describe(reason, exception);
                StoreLog.WriteFailed(_logger, operation, id, reason, problem);
                return new ScenarioWriteResult.StoreUnavailable(reason, problem);
            }

            if (change is not null)
            {
                Interlocked.Exchange(ref _changeSequence, change.Sequence);
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

    private T Read<T>(Func<SqliteConnection, T> query)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        using Activity? span = Metrics.CorridorsTelemetry.Traces.StartActivity("sqlite read", ActivityKind.Client);
        span?.SetTag("db.system", "sqlite");
        ScenarioStoreStatus status = _status;
        if (status.State is ScenarioStoreState.NotOpened or ScenarioStoreState.Unavailable)
        {
            throw new ScenarioStoreUnavailableException(status.Reason ?? StoreUnavailableReason.IoError, status.Message);
        }

        try
        {
            using SqliteConnection connection = OpenConnection(_readConnectionString);
            return query(connection);
        }
        catch (SqliteException exception) when (ReasonOf(exception) is { } reason)
        {
            throw new ScenarioStoreUnavailableException(reason, Describe(reason, exception), exception);
        }
    }

    private ScenarioStoreStatus Open()
    {
        if (CheckFile() is { } notADatabase)
        {
            return Unavailable(StoreUnavailableReason.Corrupt, notADatabase);
        }

        try
        {
            string? folder = Path.GetDirectoryName(DatabasePath);
            if (folder is not null && !Directory.Exists(folder))
            {
                Directory.CreateDirectory(folder);
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return Unavailable(StoreUnavailableReason.IoError,
                $"cannot create the folder of {DatabasePath}: {exception.Message}");
        }

        bool exists = File.Exists(DatabasePath);
        if (WritableProblem() is { } notWritable)
        {
            return exists
                ? OpenReadOnly(notWritable)
                : Unavailable(StoreUnavailableReason.IoError, $"{DatabasePath} cannot be created: {notWritable}.");
        }

        try
        {
            using SqliteConnection connection = OpenConnection(_readWriteConnectionString);
            if (SQLitePCL.raw.sqlite3_db_readonly(connection.Handle, "main") == 1)
            {
                return OpenReadOnly("SQLite opened the file read-only");
            }

            // Recognise the file before changing anything: switching to WAL rewrites the header.
            if (ForeignOrTooNew(connection, null, SqliteSchema.ReadUserVersion(connection)) is { } notOurs)
            {
                return Unavailable(StoreUnavailableReason.Corrupt, notOurs);
            }

            string journalMode = Convert.ToString(Command(connection, null, "PRAGMA journal_mode = WAL;").ExecuteScalar(), CultureInfo.InvariantCulture) ?? "";
            if (!journalMode.Equals("wal", StringComparison.OrdinalIgnoreCase))
            {
                return Unavailable(StoreUnavailableReason.IoError,
                    $"{DatabasePath} cannot use write-ahead logging (journal mode is '{journalMode}'); it was left unchanged.");
            }

            if (Migrate(connection) is { } foreign)
            {
                return Unavailable(StoreUnavailableReason.Corrupt, foreign);
            }

            if (QuickCheck(connection) is { } damage)
            {
                return Unavailable(StoreUnavailableReason.Corrupt, damage);
            }

            return Opened(connection, ScenarioStoreState.Ready, "The scenario store is ready.");
        }
        catch (SqliteException exception) when (ReasonOf(exception) is { } reason)
        {
            if (reason is StoreUnavailableReason.ReadOnly && File.Exists(DatabasePath))
            {
                return OpenReadOnly(Describe(reason, exception));
            }

            return Unavailable(reason, Describe(reason, exception));
        }
    }

    /// <summary>Null when the file is absent, empty (SQLite treats both as a new database) or starts with the SQLite header.</summary>
    private string? CheckFile()
    {
        if (!File.Exists(DatabasePath))
        {
            return Directory.Exists(DatabasePath) ? $"{DatabasePath} is a folder, not a database file." : null;
        }

        try
        {
            using var stream = new FileStream(DatabasePath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            if (stream.Length == 0)
            {
                return null;
            }

            Span<byte> header = stackalloc byte[16];
            int read = stream.ReadAtLeast(header, header.Length, throwOnEndOfStream: false);
            return read == header.Length && header.SequenceEqual(SqliteHeader)
                ? null
                : $"{DatabasePath} is not a SQLite database (it does not start with the SQLite header); it was left untouched. Move it aside or set {ScenarioStoreOptions.SectionName}:DatabasePath to another file.";
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return $"{DatabasePath} cannot be read: {exception.Message}";
        }
    }

    /// <summary>Null when the file (if it exists) and its folder can be written; else why not.</summary>
    private string? WritableProblem()
    {
        if (File.Exists(DatabasePath))
        {
            try
            {
                using (new FileStream(DatabasePath, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete))
                {
                }
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                return $"the file is not writable: {exception.Message}";
            }
        }

        // SQLite creates the -wal and -shm files beside the database: the folder must be writable too.
        string folder = Path.GetDirectoryName(DatabasePath) ?? ".";
        string probeFile = Path.Combine(folder, $".{Path.GetFileName(DatabasePath)}.{Guid.NewGuid():N}.probe");
        try
        {
            using (File.Create(probeFile, 1, FileOptions.DeleteOnClose))
            {
            }

            return null;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return $"the folder {folder} is not writable ({exception.Message}); SQLite needs to create {Path.GetFileName(DatabasePath)}-wal beside the file";
        }
    }

    /// <summary>Null when the schema is now current; else why the file is not ours. Throws when it is too new.</summary>
    private string? Migrate(SqliteConnection connection)
    {
        using SqliteTransaction transaction = connection.BeginTransaction(deferred: false);
        long version = SqliteSchema.ReadUserVersion(connection, transaction);
        if (ForeignOrTooNew(connection, transaction, version) is { } foreign)
        {
            return foreign;
        }

        if (version < SqliteSchema.LatestVersion)
        {
            SqliteSchema.Apply(connection, transaction, version, SqliteSchema.LatestVersion);
            transaction.Commit();
            if (version > 0)
            {
                StoreLog.Migrated(_logger, DatabasePath, version, SqliteSchema.LatestVersion);
            }
        }

        return null;
    }

    private string? ForeignOrTooNew(SqliteConnection connection, SqliteTransaction? transaction, long version)
    {
        long applicationId = SqliteSchema.ReadApplicationId(connection, transaction);
        if (version == 0)
        {
            IReadOnlyList<string> tables = SqliteSchema.ReadTableNames(connection, transaction);
            return tables.Count == 0
                ? null
                : $"{DatabasePath} is a SQLite database of another application (tables: {string.Join(", ", tables)}); it was left untouched.";
        }

        if (applicationId != SqliteSchema.ApplicationId)
        {
            return $"{DatabasePath} is a SQLite database of another application (application_id {applicationId}, user_version {version}); it was left untouched.";
        }

        if (version > SqliteSchema.LatestVersion)
        {
            string problem = $"{DatabasePath} has scenario schema version {version}, newer than the {SqliteSchema.LatestVersion} this build knows; "
                + "it was written by a newer Corridors. Run that version, or point "
                + $"{ScenarioStoreOptions.SectionName}:DatabasePath at another file. The file was left untouched.";
            StoreLog.RefusedToOpen(_logger, problem);
            throw new ScenarioStoreOpenException(problem);
        }

        return null;
    }

    private string? QuickCheck(SqliteConnection connection)
    {
        using SqliteCommand check = Command(connection, null, "PRAGMA quick_check;");
        string verdict = Convert.ToString(check.ExecuteScalar(), CultureInfo.InvariantCulture) ?? "";
        return verdict == "ok" ? null : $"{DatabasePath} is damaged (quick_check: {verdict}); it was left as it is.";
    }

    private ScenarioStoreStatus OpenReadOnly(string problem)
    {
        // The read-write connection can read a write-protected file; a read-only folder without the WAL index needs
        // a read-only, then an immutable connection (https://www.sqlite.org/wal.html#readonly).
        string[] candidates =
        [
            _readWriteConnectionString,
            new SqliteConnectionStringBuilder { DataSource = DatabasePath, Mode = SqliteOpenMode.ReadOnly, Pooling = true, DefaultTimeout = _options.BusyTimeoutSeconds }.ToString(),
            new SqliteConnectionStringBuilder { DataSource = new Uri(DatabasePath).AbsoluteUri + "?immutable=1", Mode = SqliteOpenMode.ReadOnly, Pooling = true, DefaultTimeout = _options.BusyTimeoutSeconds }.ToString(),
        ];
        SqliteException? last = null;
        foreach (string candidate in candidates)
        {
            try
            {
                using SqliteConnection connection = OpenConnection(candidate);
                long version = SqliteSchema.ReadUserVersion(connection);
                if (ForeignOrTooNew(connection, null, version) is { } foreign)
                {
                    return Unavailable(StoreUnavailableReason.Corrupt, foreign);
                }

                if (version == 0)
                {
                    return Unavailable(StoreUnavailableReason.ReadOnly,
                        $"{DatabasePath} has no scenario schema yet and cannot be written: {problem}");
                }

                _readConnectionString = candidate;
                string message = $"{DatabasePath} is read-only ({problem}); scenarios can be read but not created, updated or deleted.";
                StoreLog.ReadOnly(_logger, message);
                return Opened(connection, ScenarioStoreState.ReadOnly, message, StoreUnavailableReason.ReadOnly);
            }
            catch (SqliteException exception) when (ReasonOf(exception) is StoreUnavailableReason.Corrupt)
            {
                return Unavailable(StoreUnavailableReason.Corrupt, Describe(StoreUnavailableReason.Corrupt, exception));
            }
            catch (SqliteException exception)
            {
                last = exception;
            }
        }

        return Unavailable(StoreUnavailableReason.ReadOnly,
            $"{DatabasePath} is read-only and cannot be opened for reading either: {last?.Message}");
    }

    private ScenarioStoreStatus Opened(SqliteConnection connection, ScenarioStoreState state, string message, StoreUnavailableReason? reason = null)
    {
        long version = SqliteSchema.ReadUserVersion(connection);
        long count = Convert.ToInt64(Command(connection, null, "SELECT COUNT(*) FROM scenarios;").ExecuteScalar(), CultureInfo.InvariantCulture);
        long sequence = 0;
        if (version >= 2)
        {
            sequence = Convert.ToInt64(Command(connection, null, "SELECT value FROM store_counters WHERE name = 'changes';").ExecuteScalar(), CultureInfo.InvariantCulture);
        }

        Interlocked.Exchange(ref _changeSequence, sequence);
        StoreLog.Opened(_logger, DatabasePath, state, version, count, sequence);
        return new ScenarioStoreStatus(state, reason, message);
    }

    private ScenarioStoreStatus Unavailable(StoreUnavailableReason reason, string problem)
    {
        StoreLog.Unavailable(_logger, reason, problem);
        return new ScenarioStoreStatus(ScenarioStoreState.Unavailable, reason, problem);
    }

    private SqliteConnection OpenConnection(string connectionString)
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            connection.Open();
            // Per connection; PRAGMA values cannot be parameters (the timeout is a validated integer option).
            using SqliteCommand pragmas = Command(connection, null, string.Create(CultureInfo.InvariantCulture,
                $"PRAGMA busy_timeout = {_options.BusyTimeoutSeconds * 1_000}; PRAGMA synchronous = FULL;"));
            pragmas.ExecuteNonQuery();
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
        SqliteCommand command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    private static long? ReadVersion(SqliteConnection connection, SqliteTransaction transaction, string id)
    {
        using SqliteCommand select = Command(connection, transaction, "SELECT version FROM scenarios WHERE id = $id;");
        select.Parameters.AddWithValue("$id", id);
        return select.ExecuteScalar() is long version ? version : null;
    }

    private static StoredScenario ToScenario(SqliteDataReader reader) => new(
        reader.GetString(0),
        reader.GetString(1),
        reader.GetInt64(2),
        reader.GetString(3),
        DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(4)),
        DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(5)));

    /// <summary>The expected engine failures (https://www.sqlite.org/rescode.html); anything else is a bug and propagates.</summary>
    private static StoreUnavailableReason? ReasonOf(SqliteException exception) => (exception.SqliteErrorCode & 0xFF) switch
    {
        5 or 6 => StoreUnavailableReason.Busy,        // SQLITE_BUSY, SQLITE_LOCKED
        8 => StoreUnavailableReason.ReadOnly,         // SQLITE_READONLY
        10 or 14 or 15 => StoreUnavailableReason.IoError, // SQLITE_IOERR, SQLITE_CANTOPEN, SQLITE_PROTOCOL
        11 or 26 => StoreUnavailableReason.Corrupt,   // SQLITE_CORRUPT, SQLITE_NOTADB
        13 => StoreUnavailableReason.DiskFull,        // SQLITE_FULL
        _ => null,
    };

    private string Describe(StoreUnavailableReason reason, SqliteException exception) => reason switch
    {
        StoreUnavailableReason.ReadOnly => $"{DatabasePath} cannot be written (read-only file or folder): {exception.Message}",
        StoreUnavailableReason.Busy => $"{DatabasePath} stayed locked by another process for more than {_options.BusyTimeoutSeconds} s: {exception.Message}",
        StoreUnavailableReason.Corrupt => $"{DatabasePath} is not a valid SQLite database or is damaged; it was left untouched: {exception.Message}",
        StoreUnavailableReason.DiskFull => $"the disk holding {DatabasePath} is full: {exception.Message}",
        _ => $"{DatabasePath}: {exception.Message}",
    };
}
