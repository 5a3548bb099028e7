using Corridors.Server.Scenarios;
using Corridors.Server.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Corridors.Server.Tests.Scenarios;

/// <summary>The registry's watches directly: one slot per watcher, latest wins, writers never wait for a reader.</summary>
[Collection(ScenarioServer.Name)]
public sealed class ScenarioRegistryTests(ScenarioServer server)
{
    private ScenarioRegistry Registry => server.Factory.Services.GetRequiredService<ScenarioRegistry>();

    [Fact]
    public async Task WatcherThatNeverReads_HoldsOnlyTheLatestChange_AndNeverHoldsUpAWrite()
    {
        Assert.IsType<ScenarioMutation.Done>(await Registry.CreateAsync("registry-stall", "stall", Definitions.CloseBrest("registry-stall")).Within());
        using ScenarioWatch stalled = Registry.Watch("registry-stall");
        using ScenarioWatch other = Registry.Watch("registry-other");

        for (long version = 1; version <= 20; version++)
        {
            string definition = version % 2 == 0 ? Definitions.CloseBrest("registry-stall") : Definitions.CloseRedSea("registry-stall");
            Assert.IsType<ScenarioMutation.Done>(await Registry.UpdateAsync("registry-stall", version, string.Empty, definition).Within());
        }

        Assert.Equal(1, stalled.Signals.Count);
        Assert.True(stalled.Signals.TryRead(out ScenarioSignal? latest));
        Assert.Equal(21, latest!.Current!.Version);
        Assert.Equal(0, other.Signals.Count);
    }

    [Fact]
    public async Task DisposedWatch_IsUnsubscribed()
    {
        ScenarioWatch watch = Registry.Watch("registry-gone");
        Assert.Equal(1, Registry.WatcherCount("registry-gone"));

        watch.Dispose();

        Assert.Equal(0, Registry.WatcherCount("registry-gone"));
        Assert.False(await watch.Signals.WaitToReadAsync().AsTask().Within());
    }
}
