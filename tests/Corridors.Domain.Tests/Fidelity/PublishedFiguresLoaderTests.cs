using Corridors.Domain.Fidelity;
using Corridors.Domain.Risk;
using Corridors.Domain.Tests.Routing;
using Corridors.Domain.Tests.Support;

namespace Corridors.Domain.Tests.Fidelity;

public sealed class PublishedFiguresLoaderTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "corridors-figures-" + Guid.NewGuid().ToString("N"));

    public PublishedFiguresLoaderTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static readonly Lazy<Domain.Network.CorridorNetwork> Network = new(() => RouterFactory.Real().Network);

    private PublishedFiguresLoadResult Load(string json)
    {
        string path = Path.Combine(_folder, PublishedFiguresLoader.RelativePath);
        File.WriteAllText(path, json);
        return PublishedFiguresLoader.Load(path, Network.Value);
    }

    private const string Good = """{ "source": "N-CHK-XA-DUI", "from": "xian", "to": "duisburg", "corridor": "northern", "asOf": "2022-06-01", "distance": 9908, "unit": "km", "transitDays": [12, 14] }""";

    [Fact]
    public void AFigureWithDistanceAndTransit_GivesOneRowEach_InKmAndDays()
    {
        PublishedFiguresLoadResult result = Load($$"""{ "figures": [ {{Good}} ] }""");

        Assert.Empty(result.Problems);
        Assert.Equal([(FigureQuantity.Distance, 9908.0, 9908.0), (FigureQuantity.TransitDays, 12.0, 14.0)],
            result.Figures!.Select(f => (f.Quantity, f.Low, f.High)));
    }

    [Fact]
    public void NauticalMiles_AreConvertedToKm_AndMarked()
    {
        PublishedFigure figure = Assert.Single(Load("""{ "figures": [ { "source": "SEA-06", "from": "shanghai", "to": "rotterdam", "corridor": "maritime", "asOf": "2024-01-01", "distance": 100, "unit": "nm" } ] }""").Figures!);

        Assert.True(figure.NauticalMiles);
        Assert.Equal(185.2, figure.Low, 1e-9);
    }

    [Theory]
    [InlineData("\"from\": \"xian\"", "\"from\": \"atlantis\"", "figures[0]", "from", "unknown place 'atlantis'")]
    [InlineData("\"corridor\": \"northern\"", "\"corridor\": \"arctic\"", "figures[0]", "corridor", "unknown corridor 'arctic'")]
    [InlineData("\"source\": \"N-CHK-XA-DUI\"", "\"source\": \"NOPE\"", "figures[0]", "source", "unknown source 'NOPE'; add it to sources.csv")]
    [InlineData("\"unit\": \"km\"", "\"unit\": \"miles\"", "figures[0]", "unit", "a distance needs unit 'km' or 'nm', got 'miles'")]
    [InlineData("\"transitDays\": [12, 14]", "\"transitDays\": [14, 12]", "figures[0]", "transitDays", "expected a number above 0 or a range [low, high] with 0 < low <= high, got")]
    [InlineData("\"distance\": 9908", "\"distance\": -1", "figures[0]", "distance", "expected a number above 0")]
    public void BadFigure_IsNamedByRecordAndField_AndNothingIsLoaded(string replace, string with, string record, string field, string message)
    {
        PublishedFiguresLoadResult result = Load($$"""{ "figures": [ {{Good.Replace(replace, with, StringComparison.Ordinal)}} ] }""");

        Assert.Null(result.Figures);
        DataProblem problem = Assert.Single(result.Problems);
        Assert.Equal((record, field), (problem.RecordId, problem.Field));
        Assert.StartsWith(message, problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FigureWithNeitherDistanceNorTransit_IsRefused()
    {
        PublishedFiguresLoadResult result = Load("""{ "figures": [ { "source": "MC-10", "from": "xian", "to": "duisburg", "corridor": "middle", "asOf": "2024-01-01" } ] }""");

        Assert.Equal("a figure gives a distance, transitDays or both", Assert.Single(result.Problems).Message);
    }

    [Fact]
    public void MissingFile_IsOneProblem()
    {
        PublishedFiguresLoadResult result = PublishedFiguresLoader.Load(Path.Combine(_folder, "none.json"), Network.Value);

        Assert.Null(result.Figures);
        Assert.Contains("does not exist", Assert.Single(result.Problems).Message, StringComparison.Ordinal);
    }
}
