using Corridors.Server.Hosting;
using Corridors.Server.Networks;
using Corridors.Server.Tests.Support;

namespace Corridors.Server.Tests.Hosting;

public sealed class StartupTests
{
    [Fact]
    public void BadNetwork_StopsStartUpWithTheValidatorsReport()
    {
        using var network = new NetworkCopy();
        network.Write("corridors.json", """{ "corridors": [ { "id": "northern" } ] }""");
        using var factory = new ServerFactory(new Dictionary<string, string?> { ["Corridors:NetworksDirectory"] = network.Directory });

        NetworkLoadException exception = Assert.Throws<NetworkLoadException>(() => factory.Server);

        Assert.Contains($"The network in {network.Directory} has", exception.Message, StringComparison.Ordinal);
        Assert.Contains("corridors.json: northern:", exception.Message, StringComparison.Ordinal);
        Assert.Contains(factory.Logs.Entries, e => e.EventId.Id == 1003);
        Assert.Contains(factory.Logs.Entries, e => e.EventId.Id == 1002 && e.Message.Contains("corridors.json", StringComparison.Ordinal));
    }

    [Fact]
    public void MissingNetworkFolder_StopsStartUp()
    {
        string missing = Path.Combine(Path.GetTempPath(), "corridors-no-such-folder-" + Guid.NewGuid().ToString("N"));
        using var factory = new ServerFactory(new Dictionary<string, string?> { ["Corridors:NetworksDirectory"] = missing });

        NetworkLoadException exception = Assert.Throws<NetworkLoadException>(() => factory.Server);

        Assert.Contains("does not exist", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BoardPairNotInTheNetwork_StopsStartUp()
    {
        using var factory = new ServerFactory(new Dictionary<string, string?>
        {
            ["Corridors:MetricsBoard:0:Origin"] = "xian",
            ["Corridors:MetricsBoard:0:Destination"] = "Atlantis",
        });

        NetworkLoadException exception = Assert.Throws<NetworkLoadException>(() => factory.Server);

        Assert.Contains("Corridors:MetricsBoard:0 (xian → Atlantis): no place is called 'Atlantis'", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RelativeNetworksDirectory_IsFoundFromTheContentRootByWalkingUpToTheSolution()
    {
        string contentRoot = Path.Combine(Path.GetDirectoryName(NetworkCopy.RealNetworks)!, "src", "Corridors.Server");

        string resolved = RepositoryFolder.Resolve("networks", contentRoot);

        Assert.Equal(NetworkCopy.RealNetworks, resolved);
    }
}
