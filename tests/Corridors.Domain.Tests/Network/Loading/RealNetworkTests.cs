using Corridors.Domain.Geo;
using Corridors.Domain.Network;
using Corridors.Domain.Network.Loading;
using Corridors.Domain.Places;
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

    /// <summary>One resolver over the shipped network for all the name cases (loading it is the expensive part).</summary>
    private static readonly Lazy<PlaceResolver> Resolver = new(() =>
        new PlaceResolver(new NetworkLoader(Wgs84.CreateFactory()).Load(Path.Combine(RepositoryRoot.Find(), "networks")).Network!));

    /// <summary>The places the "Foundation" issue requires, as a user would type them (ASCII or with diacritics).</summary>
    public static TheoryData<string> MustResolve() =>
    [
        "Chongqing", "Chengdu", "Xi'an", "Zhengzhou", "Yiwu", "Wuhan", "Urumqi", "Kashgar", "Alashankou", "Khorgos",
        "Manzhouli", "Erenhot", "Shanghai", "Ningbo", "Shenzhen", "Dostyk", "Altynkol", "Almaty", "Aktau", "Kuryk",
        "Zabaikalsk", "Moscow", "Brest", "Minsk", "Małaszewicze", "Malaszewicze", "Warsaw", "Łódź", "Lodz", "Duisburg",
        "Hamburg", "Rotterdam", "Antwerp", "Madrid", "Baku", "Alat", "Turkmenbashi", "Tbilisi", "Poti", "Batumi",
        "Akhalkalaki", "Kars", "Istanbul", "Constanța", "Constanta", "Budapest", "Tashkent", "Andijan", "Osh",
        "Jalal-Abad", "Torugart", "Irkeshtam", "Singapore", "Colombo", "Suez", "Port Said", "Piraeus", "Gibraltar",
        "Cape of Good Hope", "Bab-el-Mandeb", "xian",
    ];

    [Theory]
    [MemberData(nameof(MustResolve))]
    public void RequiredPlace_ResolvesToExactlyOnePlace(string name)
    {
        PlaceResolution resolution = Resolver.Value.Resolve(name);

        Assert.IsType<PlaceResolution.Resolved>(resolution);
    }

    [Fact]
    public void EveryCorridorOfTheIssue_IsPresentWithLinks()
    {
        NetworkLoadResult result = new NetworkLoader(Wgs84.CreateFactory()).Load(Path.Combine(RepositoryRoot.Find(), "networks"));
        CorridorNetwork network = result.Network!;

        Assert.Equal(["northern", "middle", "maritime", "maritime-cape", "cku"], network.Corridors.Select(c => c.Id.Value));
        Assert.All(network.Corridors, c => Assert.Contains(network.Links, l => l.BelongsTo(c.Id)));
        Assert.Contains(network.Links, l => l.BelongsTo(new CorridorId("cku")) && l.Status == LinkStatus.UnderConstruction);
    }
}
