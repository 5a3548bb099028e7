using Corridors.Domain.Fidelity;
using Corridors.Domain.Network;
using Corridors.Domain.Routing;
using Corridors.Domain.Tests.Routing;
using Corridors.Domain.Tests.Support;

namespace Corridors.Domain.Tests.Fidelity;

/// <summary>
/// "Why trust it": the model beside every published whole-journey figure in <c>networks/published-figures.json</c>,
/// with the tolerances of <see cref="FidelityReport"/>. A row that leaves its tolerance, or a new one that falls
/// outside, fails here first; the README shows the same table.
/// </summary>
public sealed class FidelityTests
{
    private static readonly Lazy<CorridorRouter> Router = new(RouterFactory.Real);

    private static IReadOnlyList<FidelityRow> RealRows()
    {
        string path = Path.Combine(RepositoryRoot.Find(), "networks", PublishedFiguresLoader.RelativePath);
        PublishedFiguresLoadResult loaded = PublishedFiguresLoader.Load(path, Router.Value.Network);
        Assert.True(loaded.Figures is not null, string.Join("; ", loaded.Problems));
        return FidelityReport.Check(Router.Value, loaded.Figures!);
    }

    [Fact]
    public void PublishedFigures_AreWithinToleranceExceptTheExplainedFirstRun()
    {
        IReadOnlyList<FidelityRow> rows = RealRows();

        Assert.Equal(21, rows.Count);
        Assert.All(rows, r => Assert.NotNull(r.Model));
        Assert.Equal(
            [("NR-12", FigureQuantity.TransitDays)],
            rows.Where(r => !r.Within).Select(r => (r.Figure.SourceId, r.Figure.Quantity)));
        Assert.All(rows.Where(r => !r.Within), r => Assert.False(string.IsNullOrWhiteSpace(r.Figure.Note)));
    }

    [Theory]
    [InlineData("M-COSCO-SHANGHAI-PIRAEUS", "maritime", 7_878)]
    [InlineData("M-PEMP-ROUTING", "maritime", 10_600)]
    [InlineData("M-PEMP-ROUTING", "maritime-cape", 13_800)]
    public void SeaDistances_AreWithin3PercentOfThePublishedNauticalMiles(string source, string corridor, double nauticalMiles)
    {
        FidelityRow row = RealRows().Single(r => r.Figure.SourceId == source && r.Figure.Corridor.Value == corridor && r.Figure.Minus is null);

        Assert.True(row.Figure.NauticalMiles);
        Assert.InRange(row.Model!.Value / PublishedFigure.KmPerNauticalMile, nauticalMiles * 0.97, nauticalMiles * 1.03);
    }

    [Fact]
    public void CapeMinusSuez_IsComparedAsADifferenceOfTwoCorridors()
    {
        FidelityRow days = RealRows().Single(r => r.Figure.SourceId == "SEA-05");

        Assert.Equal(new CorridorId("maritime"), days.Figure.Minus);
        Assert.InRange(days.Model!.Value, 7, 10); // SEA-05: 7–10 days more round the Cape
        Assert.Equal(0, days.Difference);
        Assert.True(days.Within);
    }

    // ---- tolerances on a hand-made network: east –1000 km rail– west, 50 km/h typical ----

    private static CorridorRouter Line() => RouterFactory.Create(new TestNetworks()
        .Place("east", "CN", 80, 45)
        .Place("west", "KZ", 93, 45)
        .Link("east", "west", 1000, gaugeMm: 1435, speedRangeKmh: (40, 50, 200.0 / 3), corridors: ["line"])
        .Corridor("line", ["east"], ["west"])
        .Build());

    private static PublishedFigure Figure(FigureQuantity quantity, double low, double high, bool nm = false) =>
        new("FX", quantity, new PlaceId("east"), new PlaceId("west"), new CorridorId("line"), null, [], RouterFactory.Today, low, high, nm, "");

    [Theory]
    [InlineData(1000 / 1.1199, true)] // model +11.99 %
    [InlineData(1000 / 1.121, false)] // model +12.1 %
    [InlineData(1000 / 0.8801, true)] // model −11.99 %
    [InlineData(1000 / 0.879, false)]
    public void LandDistance_IsWithin12Percent(double publishedKm, bool within)
    {
        FidelityRow row = FidelityReport.Check(Line(), [Figure(FigureQuantity.Distance, publishedKm, publishedKm)]).Single();

        Assert.Equal(1000, row.Model!.Value, 1e-9);
        Assert.Equal(within, row.Within);
    }

    [Theory]
    [InlineData(1000 / 1.0299, true)]
    [InlineData(1000 / 1.031, false)]
    public void SeaDistance_IsWithin3Percent(double publishedKm, bool within)
    {
        Assert.Equal(within, FidelityReport.Check(Line(), [Figure(FigureQuantity.Distance, publishedKm, publishedKm, nm: true)]).Single().Within);
    }

    [Fact]
    public void DistanceInsideAPublishedRange_HasNoDifference()
    {
        FidelityRow row = FidelityReport.Check(Line(), [Figure(FigureQuantity.Distance, 950, 1100)]).Single();

        Assert.Equal(0, row.Difference);
        Assert.True(row.Within);
    }

    [Fact]
    public void TransitRange_NeedsTheP50Inside_AndASingleValue_NeedsToLieInsideP10ToP90()
    {
        CorridorRouter router = Line();
        double p50 = 20.0 / 24; // 1000 km at a typical 50 km/h (symmetric range: median = typical)

        FidelityRow range = FidelityReport.Check(router, [Figure(FigureQuantity.TransitDays, 0.9, 2)]).Single();
        FidelityRow single = FidelityReport.Check(router, [Figure(FigureQuantity.TransitDays, 0.8, 0.8)]).Single();
        FidelityRow far = FidelityReport.Check(router, [Figure(FigureQuantity.TransitDays, 2, 2)]).Single();

        Assert.Equal(p50, range.Model!.Value, 1e-9);
        Assert.False(range.Within);
        Assert.Equal(p50 - 0.9, range.Difference!.Value, 1e-9);
        Assert.True(single.Within);
        Assert.False(far.Within);
        Assert.Equal(p50 - 2, far.Difference!.Value, 1e-9);
    }

    [Fact]
    public void UnreachableJourney_HasNoModelFigure_AndSaysWhy()
    {
        CorridorRouter router = RouterFactory.Create(new TestNetworks()
            .Place("east", "CN", 80, 45).Place("west", "KZ", 93, 45).Place("island", "JP", 140, 35)
            .Link("east", "west", 1000, gaugeMm: 1435, corridors: ["line"])
            .Corridor("line", ["east"], ["west"]).Build());
        var figure = new PublishedFigure("FX", FigureQuantity.Distance, new PlaceId("east"), new PlaceId("island"), new CorridorId("line"), null, [],
            RouterFactory.Today, 100, 100, false, "");

        FidelityRow row = FidelityReport.Check(router, [figure]).Single();

        Assert.Null(row.Model);
        Assert.False(row.Within);
        Assert.StartsWith("line: ", row.Explanation, StringComparison.Ordinal);
    }
}
