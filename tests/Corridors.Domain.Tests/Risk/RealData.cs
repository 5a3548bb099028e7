using Corridors.Domain.Dates;
using Corridors.Domain.Geo;
using Corridors.Domain.Network;
using Corridors.Domain.Network.Loading;
using Corridors.Domain.Risk;
using Corridors.Domain.Routing;
using Corridors.Domain.Tests.Support;

namespace Corridors.Domain.Tests.Risk;

/// <summary>The shipped network and measures, loaded once per test class (xunit class fixture).</summary>
public sealed class RealData
{
    /// <summary>The fixed "today" of the real-data tests (the measures' review date).</summary>
    public static readonly DateOnly Today = new(2026, 11, 29);

    public RealData()
    {
        string networks = Path.Combine(RepositoryRoot.Find(), "networks");
        NetworkLoadResult load = new NetworkLoader(Wgs84.CreateFactory()).Load(networks);
        Assert.True(load.IsValid, $"networks/ does not validate:\n{string.Join("\n", load.Problems)}");
        Network = load.Network;
        DataLoadResult<SanctionsCatalog> measures = MeasureLoader.Load(Path.Combine(networks, MeasureLoader.RelativePath), Network);
        Assert.True(measures.IsValid, $"measures.json does not validate:\n{string.Join("\n", measures.Problems)}");
        Catalog = measures.Value;
        Router = new CorridorRouter(
            new Corridors.Domain.Dataset.CorridorDatasetLoader(Wgs84.CreateFactory()).Load(networks).Dataset!,
            BusinessCalendar.Pinned(Today),
            Wgs84.CreateFactory());
        Assessor = new SanctionRiskAssessor(Catalog);
        NetworksDirectory = networks;
    }

    public string NetworksDirectory { get; }

    public CorridorNetwork Network { get; }

    public SanctionsCatalog Catalog { get; }

    public CorridorRouter Router { get; }

    public SanctionRiskAssessor Assessor { get; }

    /// <summary>The fastest route of each corridor on the date (CompareCorridors), by corridor id; only corridors that found one.</summary>
    public Dictionary<string, Route> Compare(string from, string to, DateOnly asOf)
    {
        var query = new RouteQuery
        {
            Origin = new PlaceId(from),
            Destination = new PlaceId(to),
            Constraints = new RouteConstraints { AsOf = asOf },
        };
        CorridorComparisonSet set = Router.Compare(query).Value ?? throw new InvalidOperationException("comparison failed");
        return set.Comparisons
            .Where(c => c.Answer.Route is not null)
            .ToDictionary(c => c.Corridor.Id.Value, c => c.Answer.Route!);
    }

    public static Perspective Perspective(string regimes, string cargo, DateOnly asOf)
    {
        QueryResult<Perspective> parsed = PerspectiveParser.Parse(regimes, cargo, asOf);
        Assert.True(parsed.IsSuccess, string.Join("; ", parsed.Errors));
        return parsed.Value!;
    }
}
