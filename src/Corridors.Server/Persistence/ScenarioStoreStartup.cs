using Microsoft.Extensions.Hosting;

namespace Corridors.Server.Persistence;

/// <summary>
/// Opens the scenario store before Kestrel accepts calls (hosted services start first, in registration order). A
/// corrupt, foreign or read-only file is logged and leaves the store unavailable or read-only while the rest of the
/// server serves; a schema newer than this build stops start-up (<see cref="ScenarioStoreOpenException"/>).
/// </summary>
internal sealed class ScenarioStoreStartup(SqliteScenarioStore store) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => store.InitializeAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
