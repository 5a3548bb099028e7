using Microsoft.Extensions.Hosting;

namespace Corridors.Server.Persistence;

/// <summary>
/// Opens the scenario store before Kestrel accepts calls (hosted services start first, in registration order). A
/// corrupt, foreign or read-only file, or a PostgreSQL database that cannot be reached, is logged and leaves the
/// store unavailable or read-only while the rest of the server serves (PostgreSQL is retried in the background); a
/// schema newer than this build, or a database that refuses this server's credentials, stops start-up
/// (<see cref="ScenarioStoreOpenException"/>).
/// </summary>
internal sealed class ScenarioStoreStartup(IScenarioStore store) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => store.InitializeAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
