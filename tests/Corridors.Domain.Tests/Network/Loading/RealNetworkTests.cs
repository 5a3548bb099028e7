using Corridors.Domain.Geo;
using Corridors.Domain.Network.Loading;
using Corridors.Domain.Tests.Support;

namespace Corridors.Domain.Tests.Network.Loading;

/// <summary>The shipped data must always validate: the service refuses to start on a network with problems.</summary>
public sealed class RealNetworkTests
{
    [Fact]
    public void NetworksFolder_ValidatesWithoutProblems()
    {
        string networks = Path.Combine(RepositoryRoot.Find(), "networks");

        NetworkLoadResult result = new NetworkLoader(Wgs84.CreateFactory()).Load(networks);

        Assert.True(result.IsValid, $"{result.Problems.Count} problems in networks/:\n{string.Join("\n", result.Problems)}");
        Assert.NotEmpty(result.Network.Places);
        Assert.NotEmpty(result.Network.Corridors);
    }
}
