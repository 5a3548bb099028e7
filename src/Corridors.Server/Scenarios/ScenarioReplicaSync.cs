using Corridors.Server.Networks;
using Corridors.Server.Persistence;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Corridors.Server.Scenarios;

/// <summary>
/// Keeps this replica in step with a store other replicas write too (<see cref="ISharedScenarioStore"/>): each
/// change hint makes the registry re-read that scenario (recompile, drop cached answers, tell watchers), each
/// reconnection makes it catch up on all of them, and the store's health (<see cref="ServingStatus.ScenarioStoreServiceName"/>)
/// follows: SERVING once caught up, NOT_SERVING while the store is lost. A re-read that fails is retried as a
/// catch-up a second later (wall time) until one succeeds. For a store of this process alone (SQLite) it only sets
/// the health once.
/// </summary>
internal sealed class ScenarioReplicaSync(IScenarioStore store, ScenarioRegistry registry, ServingStatus serving, ILogger<ScenarioReplicaSync> logger)
    : BackgroundService
{
    private static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        serving.SetScenarioStore(store.Status.State == ScenarioStoreState.Ready, store.Status.Message);
        if (store is not ISharedScenarioStore shared)
        {
            return;
        }

        bool catchUpPending = false;
        try
        {
            while (true)
            {
                StoreSignal? signal = await NextAsync(shared, catchUpPending ? RetryAfter : null, stoppingToken).ConfigureAwait(false);
                switch (signal)
                {
                    case null when catchUpPending: // waited RetryAfter without news
                    case StoreSignal.CatchUp:
                        catchUpPending = !await TryAsync(async () =>
                        {
                            int changedWhileAway = await registry.CatchUpAsync(stoppingToken).ConfigureAwait(false);
                            ScenarioLog.CaughtUp(logger, changedWhileAway);
                        }).ConfigureAwait(false);
                        if (!catchUpPending && store.Status.State == ScenarioStoreState.Ready)
                        {
                            serving.SetScenarioStore(ready: true, "caught up with the shared store");
                        }

                        break;
                    case StoreSignal.Changed changed when !catchUpPending:
                        catchUpPending = !await TryAsync(() => registry.SyncAsync(changed.Change.Id, stoppingToken)).ConfigureAwait(false);
                        break;
                    case StoreSignal.Lost lost:
                        serving.SetScenarioStore(ready: false, lost.Problem);
                        break;
                    case null:
                        return; // the store was disposed
                    default:
                        break; // a hint while a catch-up is pending: the catch-up covers it
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping.
        }
    }

    /// <summary>The next signal; null when the store completed its signals or, with a <paramref name="timeout"/>, none came in time.</summary>
    private static async Task<StoreSignal?> NextAsync(ISharedScenarioStore shared, TimeSpan? timeout, CancellationToken stoppingToken)
    {
        if (shared.Signals.TryRead(out StoreSignal? ready))
        {
            return ready;
        }

        using var wait = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        if (timeout is { } limit)
        {
            wait.CancelAfter(limit);
        }

        try
        {
            return await shared.Signals.WaitToReadAsync(wait.Token).ConfigureAwait(false) && shared.Signals.TryRead(out StoreSignal? next) ? next : null;
        }
        catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
        {
            return null; // the timeout
        }
    }

    private async Task<bool> TryAsync(Func<Task> work)
    {
        try
        {
            await work().ConfigureAwait(false);
            return true;
        }
        catch (ScenarioStoreUnavailableException unavailable)
        {
            ScenarioLog.SyncFailed(logger, unavailable.Reason, RetryAfter.TotalSeconds, unavailable.Message);
            return false;
        }
    }
}
