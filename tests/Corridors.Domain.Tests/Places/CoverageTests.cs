using Corridors.Domain.Network;
using Corridors.Domain.Places;
using Corridors.Domain.Routing;
using Corridors.Domain.Tests.Routing;

namespace Corridors.Domain.Tests.Places;

/// <summary>
/// The ports and terminals planners ship from and to: each resolves by the name a planner types and compares, with
/// at least one corridor finding a route to (from) the other end of the China–Europe trade.
/// </summary>
public sealed class CoverageTests
{
    private static readonly Lazy<CorridorRouter> Router = new(RouterFactory.Real);
    private static readonly Lazy<PlaceResolver> Resolver = new(() => new PlaceResolver(Router.Value.Network));

    private static Place Resolve(string name) =>
        Assert.IsType<PlaceResolution.Resolved>(Resolver.Value.Resolve(name)).Place;

    private static CorridorComparisonSet Compare(Place from, Place to) =>
        Router.Value.Compare(RouterFactory.Query(from.Id.Value, to.Id.Value)).Value!;

    [Theory]
    [InlineData("Qingdao", "CN")]
    [InlineData("Tianjin", "CN")]
    [InlineData("Xiamen", "CN")]
    [InlineData("Dalian", "CN")]
    [InlineData("Lianyungang", "CN")]
    [InlineData("Guangzhou Nansha", "CN")]
    [InlineData("Hong Kong", "HK")]
    [InlineData("Hefei", "CN")]
    [InlineData("Changsha", "CN")]
    [InlineData("Suzhou", "CN")]
    [InlineData("Lanzhou", "CN")]
    [InlineData("Harbin", "CN")]
    [InlineData("Shenyang", "CN")]
    [InlineData("Jinan", "CN")]
    [InlineData("Shijiazhuang", "CN")]
    public void ChinesePlace_ResolvesAndComparesToDuisburg(string name, string country)
    {
        Place place = Resolve(name);

        Assert.Equal(country, place.CountryCode);
        Assert.Contains(Compare(place, Resolve("Duisburg")).Comparisons, c => c.Answer.Outcome == RouteOutcome.Found);
    }

    [Theory]
    [InlineData("Felixstowe", "GB")]
    [InlineData("Le Havre", "FR")]
    [InlineData("Bremerhaven", "DE")]
    [InlineData("Gdansk", "PL")]
    [InlineData("Genoa", "IT")]
    [InlineData("Valencia", "ES")]
    [InlineData("Barcelona", "ES")]
    [InlineData("Algeciras", "ES")]
    [InlineData("Trieste", "IT")]
    [InlineData("Koper", "SI")]
    [InlineData("Marseille-Fos", "FR")]
    [InlineData("Prague", "CZ")]
    [InlineData("Vienna", "AT")]
    [InlineData("Milan", "IT")]
    [InlineData("Lyon", "FR")]
    [InlineData("Paris", "FR")]
    [InlineData("Kaunas", "LT")]
    public void EuropeanPlace_ResolvesAndComparesFromXian(string name, string country)
    {
        Place place = Resolve(name);

        Assert.Equal(country, place.CountryCode);
        Assert.Contains(Compare(Resolve("Xi'an"), place).Comparisons, c => c.Answer.Outcome == RouteOutcome.Found);
    }

    [Fact]
    public void TheNetwork_HasAtLeast20MoreChineseAnd20MoreEuropeanCitiesAndPortsThanBefore()
    {
        // Before the coverage work (a4d70a4): 16 Chinese and 21 European cities and seaports.
        string[] europe = ["GB", "FR", "ES", "IT", "SI", "AT", "CZ", "DE", "NL", "BE", "PL", "LT", "HU", "RO", "BG", "RS", "GR"];
        var places = Router.Value.Network.Places.Where(p => p.Kind is PlaceKind.City or PlaceKind.Seaport).ToList();

        Assert.True(places.Count(p => p.CountryCode is "CN" or "HK") >= 16 + 20);
        Assert.True(places.Count(p => europe.Contains(p.CountryCode)) >= 21 + 20);
    }

    [Theory]
    [InlineData("CNTAO", "qingdao")]
    [InlineData("CNLYG", "lianyungang")]
    [InlineData("CNNSA", "guangzhou-nansha")]
    [InlineData("CNHFI", "hefei")]
    [InlineData("CNCSH", "changsha")]
    [InlineData("CNSZH", "suzhou")]
    [InlineData("CNSHY", "shenyang")]
    [InlineData("CNJNA", "jinan")]
    [InlineData("CNSJZ", "shijiazhuang")]
    [InlineData("CNXIA", "xian")]
    [InlineData("HKHKG", "hong-kong")]
    [InlineData("SIKOP", "koper")]
    [InlineData("LTKUN", "kaunas")]
    [InlineData("GRPIR", "piraeus")]
    public void PlaceWithAUnLocode_ResolvesByIt(string locode, string id)
    {
        Assert.Equal(id, Resolve(locode).Id.Value);
    }
}
