using Microsoft.Extensions.Hosting;

namespace Corridors.Server.Scenarios;

/// <summary>Loads the scenarios after the network and the store are open and before Kestrel accepts calls (hosted services start in registration order).</summary>
internal sealed class ScenarioRegistryStartup(ScenarioRegistry registry) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => registry.InitializeAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
