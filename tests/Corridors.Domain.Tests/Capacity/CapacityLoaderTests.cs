using Corridors.Domain.Capacity;
using Corridors.Domain.Risk;
using Corridors.Domain.Tests.Risk;

namespace Corridors.Domain.Tests.Capacity;

/// <summary>Bad capacity files are refused with every problem named (file, bottleneck, field); nothing is defaulted.</summary>
public sealed class CapacityLoaderTests(RealData data) : IClassFixture<RealData>
{
    private const string Conversions = """
        "conversions": {
          "teuPerTrain": {"value": 107.12, "sources": ["A-CAP-TEU-PER-TRAIN"]},
          "cargoTonnesPerTeu": {"value": 10, "sources": ["A-PAYLOAD-40FT"]},
          "operatingDaysPerYear": {"value": 365, "sources": ["A-CAP-OPERATING-DAYS"]},
          "teuPerContainer": {"value": 1, "sources": ["A-CAP-TEU-PER-CONTAINER"]}
        }
        """;

    private const string Volumes = """
        "defaultVolumes": {"description": "d", "sources": ["VOL-07"], "pairs": [
          {"origin": "xian", "destination": "duisburg", "teuPerYear": {"value": 1000, "derived": "test"}}]}
        """;

    private DataLoadResult<CapacityCatalog> Load(string period, string links = """["alashankou-dostyk"]""") =>
        CapacityLoader.Parse(
            $$"""{"description": "t", {{Conversions}}, "bottlenecks": [{"id": "dostyk", "name": "Dostyk", "links": {{links}}, "places": [], "periods": [{{period}}]}], {{Volumes}}}""",
            "capacities.json", data.Network);

    private static DataProblem Single(DataLoadResult<CapacityCatalog> result)
    {
        Assert.False(result.IsValid);
        return Assert.Single(result.Problems);
    }

    [Fact]
    public void GoodFile_Loads_AndConvertsTeuPerDayToTeuPerYear()
    {
        DataLoadResult<CapacityCatalog> result = Load("""{"from": {"date": "2016-07-22", "sources": ["BC-02"]}, "published": [{"value": 760, "unit": "TEU/day", "sources": ["BC-01"]}], "teuPerYear": {"value": 277400, "derived": "760 x 365"}}""");
        Assert.True(result.IsValid, string.Join("\n", result.Problems));
        Assert.Equal(277_400, result.Value.Bottlenecks[0].On(new DateOnly(2024, 6, 1))!.TeuPerYear);
        Assert.Null(result.Value.Bottlenecks[0].On(new DateOnly(2016, 7, 21)));
    }

    [Fact]
    public void UndatedCapacity_FailsNamingTheBottleneckAndPeriod()
    {
        DataProblem problem = Single(Load("""{"published": [{"value": 760, "unit": "TEU/day", "sources": ["BC-01"]}], "teuPerYear": {"value": 277400, "derived": "760 x 365"}}"""));
        Assert.Equal("capacities.json: dostyk: periods[0].from: an undated capacity: every capacity needs a 'from' date with its source (or A-CAP-UNDATED)", problem.ToString());
    }

    [Fact]
    public void CapacityWithoutSource_FailsNamingIt()
    {
        DataProblem problem = Single(Load("""{"from": {"date": "2016-07-22", "sources": ["BC-02"]}, "published": [{"value": 760, "unit": "TEU/day", "derived": "guessed"}], "teuPerYear": {"value": 277400, "derived": "760 x 365"}}"""));
        Assert.Equal("capacities.json: dostyk: periods[0].published[0].sources: a capacity without a source: a published capacity names at least one source id", problem.ToString());
    }

    [Fact]
    public void DateWithoutSource_Fails()
    {
        DataProblem problem = Single(Load("""{"from": {"date": "2016-07-22"}, "published": [{"value": 760, "unit": "TEU/day", "sources": ["BC-01"]}], "teuPerYear": {"value": 277400, "derived": "760 x 365"}}"""));
        Assert.Equal("capacities.json: dostyk: periods[0].from: figure names neither sources nor derived; every number needs a source id or the method it was derived by", problem.ToString());
    }

    [Fact]
    public void UnknownSourceUnitOrLink_AreEachNamed()
    {
        Assert.Equal("capacities.json: dostyk: periods[0].published[0].sources[0]: unknown source id 'BC-99' (not in sources.csv)",
            Single(Load("""{"from": {"date": "2016-07-22", "sources": ["BC-02"]}, "published": [{"value": 760, "unit": "TEU/day", "sources": ["BC-99"]}], "teuPerYear": {"value": 277400, "derived": "x"}}""")).ToString());
        Assert.StartsWith("capacities.json: dostyk: periods[0].published[0].unit: unknown unit 'boxes/week'; known: TEU/day,",
            Single(Load("""{"from": {"date": "2016-07-22", "sources": ["BC-02"]}, "published": [{"value": 760, "unit": "boxes/week", "sources": ["BC-01"]}], "teuPerYear": {"value": 277400, "derived": "x"}}""")).ToString(), StringComparison.Ordinal);
        Assert.Equal("capacities.json: dostyk: links[0]: unknown link 'atlantis-dostyk'",
            Single(Load("""{"from": {"date": "2016-07-22", "sources": ["BC-02"]}, "published": [{"value": 760, "unit": "TEU/day", "sources": ["BC-01"]}], "teuPerYear": {"value": 277400, "derived": "x"}}""", """["atlantis-dostyk"]""")).ToString());
    }

    [Fact]
    public void StatedTeuPerYearThatDoesNotFollowFromThePublishedFigure_Fails()
    {
        DataProblem problem = Single(Load("""{"from": {"date": "2016-07-22", "sources": ["BC-02"]}, "published": [{"value": 760, "unit": "TEU/day", "sources": ["BC-01"]}], "teuPerYear": {"value": 760, "derived": "forgot the days"}}"""));
        Assert.Equal("capacities.json: dostyk: periods[0].teuPerYear.value: states 760 TEU/yr but the published figures convert to 277400 TEU/yr", problem.ToString());
    }

    [Fact]
    public void OverlappingPeriods_Fail()
    {
        const string P = """{"from": {"date": "2016-07-22", "sources": ["BC-02"]}, "published": [{"value": 760, "unit": "TEU/day", "sources": ["BC-01"]}], "teuPerYear": {"value": 277400, "derived": "x"}}""";
        DataProblem problem = Single(Load(P + "," + P.Replace("2016-07-22", "2018-01-01", StringComparison.Ordinal)));
        Assert.Equal("capacities.json: dostyk: periods: the period from 2016-07-22 overlaps the one from 2018-01-01; give the earlier one a 'to' date no later than that", problem.ToString());
    }
}
