using Microsoft.Extensions.Logging;
using Npgsql;

namespace Corridors.Server.Persistence.Postgres;

/// <summary>
/// The one connection of a <see cref="PostgresScenarioStore"/> that listens on <see cref="PostgresSchema.Channel"/>.
/// It connects (migrating the schema the first time), listens, then waits for notifications, checking every
/// <see cref="ScenarioStoreOptions.KeepaliveSeconds"/> that the database is still there. When the connection fails it
/// tells the store, waits (250 ms, doubling up to <see cref="ScenarioStoreOptions.ReconnectMaxSeconds"/>) and
/// starts again; each reconnection makes the store signal a catch-up, because notifications sent while nobody
/// listened are gone. Waits are wall time (<see cref="TimeProvider.System"/>), never the server's business clock.
/// </summary>
internal sealed class PostgresChangeListener : IAsyncDisposable
{
    private static readonly TimeSpan FirstRetry = TimeSpan.FromMilliseconds(250);

    private readonly PostgresScenarioStore _store;
    private readonly NpgsqlDataSource _dataSource;
    private readonly ScenarioStoreOptions _options;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stop = new();
    private readonly TaskCompletionSource _firstAttempt = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task _loop = Task.CompletedTask;

    public PostgresChangeListener(PostgresScenarioStore store, NpgsqlDataSource dataSource, ScenarioStoreOptions options, ILogger logger)
    {
        _store = store;
        _dataSource = dataSource;
        _options = options;
        _logger = logger;
    }

    /// <summary>Completes after the first connection attempt, whatever its outcome; faults when the database refuses this server for good.</summary>
    public Task FirstAttempt => _firstAttempt.Task;

    public void Start() => _loop = Task.Run(() => RunAsync(_stop.Token));

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        try
        {
            await _loop.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }

        _firstAttempt.TrySetResult();
        _stop.Dispose();
    }

    private async Task RunAsync(CancellationToken stop)
    {
        TimeSpan retry = FirstRetry;
        TimeSpan longest = TimeSpan.FromSeconds(_options.ReconnectMaxSeconds);
        bool firstFailureInARow = true;
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await ListenAsync(onListening: () =>
                {
                    _firstAttempt.TrySetResult();
                    retry = FirstRetry;
                    firstFailureInARow = true;
                }, stop).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (ScenarioStoreOpenException refused) when (!_firstAttempt.Task.IsCompleted)
            {
                _firstAttempt.TrySetException(refused);
                return;
            }
            catch (PostgresException refused) when (PostgresErrors.IsConfiguration(refused) && !_firstAttempt.Task.IsCompleted)
            {
                _firstAttempt.TrySetException(new ScenarioStoreOpenException(
                    $"PostgreSQL {_store.Target} refuses this server ({PostgresErrors.Describe(refused)}): check the user, password and database in {ScenarioStoreOptions.SectionName}:ConnectionString.",
                    refused));
                return;
            }
            catch (Exception unexpected) when (!_firstAttempt.Task.IsCompleted && PostgresErrors.ReasonOf(unexpected) is null)
            {
                // At start-up, e.g. a foreign table in the way of the migration: the server must not start on it.
                _firstAttempt.TrySetException(new ScenarioStoreOpenException(
                    $"PostgreSQL {_store.Target} cannot hold the scenario store: {PostgresErrors.Describe(unexpected)}", unexpected));
                return;
            }
            catch (Exception lost)
            {
                // An outage, or once running anything else: the listener must never stop while the server runs, or
                // this replica would silently stop hearing the others. Reported, then retried like an outage.
                _store.OnLost(lost, retry, firstFailureInARow);
                firstFailureInARow = false;
                _firstAttempt.TrySetResult();
            }

            try
            {
                await Task.Delay(retry, TimeProvider.System, stop).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            retry = TimeSpan.FromTicks(Math.Min(retry.Ticks * 2, longest.Ticks));
        }
    }

    /// <summary>Connects, listens and waits for notifications until the connection fails (throws) or <paramref name="stop"/>.</summary>
    private async Task ListenAsync(Action onListening, CancellationToken stop)
    {
        await using NpgsqlConnection connection = await _dataSource.OpenConnectionAsync(stop).ConfigureAwait(false);
        connection.Notification += OnNotification;
        try
        {
            await using (NpgsqlCommand listen = new($"LISTEN {PostgresSchema.Channel}", connection))
            {
                await listen.ExecuteNonQueryAsync(stop).ConfigureAwait(false);
            }

            // After LISTEN: whatever the catch-up reads, a later write is also notified, so nothing falls between.
            await _store.OnConnectedAsync(connection, stop).ConfigureAwait(false);
            onListening();
            TimeSpan keepalive = TimeSpan.FromSeconds(_options.KeepaliveSeconds);
            while (true)
            {
                if (!await connection.WaitAsync(keepalive, stop).ConfigureAwait(false))
                {
                    await using NpgsqlCommand ping = new("SELECT 1", connection);
                    await ping.ExecuteNonQueryAsync(stop).ConfigureAwait(false);
                }
            }
        }
        finally
        {
            connection.Notification -= OnNotification;
        }
    }

    private void OnNotification(object sender, NpgsqlNotificationEventArgs notification)
    {
        if (ChangePayload.TryRead(notification.Payload) is { } change)
        {
            _store.OnNotified(change);
        }
        else
        {
            StoreLog.UnknownNotification(_logger, notification.Payload.Length);
            _store.OnNotifiedUnreadable();
        }
    }
}
