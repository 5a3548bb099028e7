using System.Globalization;
using Corridors.Domain.Capacity;
using Corridors.Domain.Network;
using Corridors.Domain.Routing;
using Corridors.Domain.Tests.Routing;

namespace Corridors.Domain.Tests.Capacity;

/// <summary>
/// The shipped capacities (networks/capacities.json) against their sources, and the model on the real network, on
/// explicit as-of dates only (nothing here depends on the calendar).
/// </summary>
public sealed class RealCapacityTests
{
    private static readonly Lazy<CorridorRouter> Router = new(RouterFactory.Real);
    private static readonly DateOnly Mid2024 = new(2024, 6, 1);

    /// <summary>VOL-07: 2,077,216 TEU in 19,392 trains (2024).</summary>
    private const double TeuPerTrain = 2_077_216.0 / 19_392;

    private static CapacityCatalog Catalog => Router.Value.Dataset.Capacities;

    private static CapacityPeriod On(string id, DateOnly date) =>
        Catalog.Bottlenecks.Single(b => b.Id == id).On(date) ?? throw new InvalidOperationException($"{id}: no capacity on {date}");

    internal static CapacityAnalysis Analyze(DateOnly asOf, RouteConstraints? constraints = null, IReadOnlyList<OdVolume>? volumes = null)
    {
        var template = new RouteQuery
        {
            Origin = new PlaceId("xian"),
            Destination = new PlaceId("duisburg"),
            Constraints = (constraints ?? new RouteConstraints()) with { AsOf = asOf },
        };
        QueryResult<CapacityAnalysis> result = new CapacityAnalyzer(Router.Value, Catalog)
            .Analyze(new CapacityQuery(template, volumes ?? Catalog.DefaultVolumes.Pairs, 0));
        Assert.True(result.IsSuccess, string.Join("; ", result.Errors));
        return result.Value!;
    }

    public static TheoryData<string, string, double, string, string, double> Figures => new()
    {
        // bottleneck, as-of, published value, unit, source, TEU/yr by hand
        { "dostyk-gauge-transfer", "2020-06-01", 760, "TEU/day", "BC-01", 760 * 365 },
        { "alashankou-dostyk-annual", "2024-06-01", 20, "Mt/yr", "BC-02", 20e6 / 10 },
        { "khorgos-altynkol", "2022-10-05", 9, "trains/day", "BC-05", 9 * TeuPerTrain * 365 },
        { "khorgos-altynkol", "2022-10-06", 19, "trains/day", "BC-05", 19 * TeuPerTrain * 365 },
        { "manzhouli-zabaikalsk", "2024-06-01", 840, "containers/day", "BC-11", 840 * 365 },
        { "belarus-poland-border", "2024-06-01", 50, "train pairs/day", "BC-17", 50 * 2 * TeuPerTrain * 365 },
        { "dostyk-moyinty", "2025-09-29", 12, "train pairs/day", "MC-33", 12 * 2 * TeuPerTrain * 365 },
        { "dostyk-moyinty", "2025-09-30", 60, "train pairs/day", "MC-33", 60 * 2 * TeuPerTrain * 365 },
        { "caspian-ferry-fleet", "2024-06-01", 4.5, "Mt/yr", "MC-15", 4.5e6 / 10 },
        { "titr-container-route", "2024-12-17", 100_000, "TEU/yr", "MC-30", 100_000 },
        { "aktau-container-hub", "2025-01-09", 140_000, "TEU/yr", "MC-32", 140_000 },
        { "btk-railway", "2017-10-30", 6.5, "Mt/yr", "MC-22", 6.5e6 / 10 },
        { "cku-railway", "2030-12-31", 10, "Mt/yr", "CKU-12", 10e6 / 10 },
    };

    [Theory]
    [MemberData(nameof(Figures))]
    public void EachCapacity_ReproducesItsSourcedFigure_AndItsConversionByHand(string id, string asOf, double value, string unit, string source, double teuPerYear)
    {
        CapacityPeriod period = On(id, DateOnly.Parse(asOf, CultureInfo.InvariantCulture));
        PublishedCapacity published = period.Published[0];
        Assert.Equal(value, published.Value);
        Assert.Equal(unit, CapacityCatalog.UnitText(published.Unit));
        Assert.Contains(source, published.Provenance.SourceIds);
        Assert.Equal(teuPerYear, period.TeuPerYear, 0.5 + (teuPerYear * 1e-4));

        // The published number appears in the source's own row (as 760, 4.5, 100,000 or a range such as 19-20).
        Assert.True(Router.Value.Network.TryGetSource(source, out Source row));
        string[] forms = [value.ToString("G", CultureInfo.InvariantCulture), value.ToString("N0", CultureInfo.InvariantCulture)];
        Assert.True(forms.Any(f => row.Notes.Contains(f, StringComparison.Ordinal)), $"{source} does not state {value}: {row.Notes}");
    }

    [Fact]
    public void Dostyk_AddsTheTransTerminalFromItsOpening_5June2021()
    {
        Assert.Equal(277_400, On("dostyk-gauge-transfer", new DateOnly(2021, 6, 4)).TeuPerYear);
        Assert.Equal(377_400, On("dostyk-gauge-transfer", new DateOnly(2021, 6, 5)).TeuPerYear);
    }

    [Fact]
    public void UndatedAndPlannedFigures_AreNotInForceBeforeTheirDates()
    {
        Assert.Null(Catalog.Bottlenecks.Single(b => b.Id == "cku-railway").On(new DateOnly(2030, 12, 30)));
        Assert.Null(Catalog.Bottlenecks.Single(b => b.Id == "titr-container-route").On(Mid2024));
        Assert.Null(Catalog.Bottlenecks.Single(b => b.Id == "btk-railway").On(new DateOnly(2017, 10, 29)));
    }

    [Fact]
    public void DefaultVolumes_AreTheCitiesTripsOf2024TimesTeuPerTrain()
    {
        // VOL-07: Xi'an 3,849, Chengdu 2,285, Chongqing 2,059, Zhengzhou 2,052, Yiwu 812 trips.
        Assert.Equal(3_849 * TeuPerTrain, Catalog.DefaultVolumes.Pairs.Single(p => p.Origin.Value == "xian").TeuPerYear, 1.0);
        Assert.Equal((3_849 + 2_285 + 2_059 + 2_052 + 812) * TeuPerTrain, Catalog.DefaultVolumes.Pairs.Sum(p => p.TeuPerYear), 5.0);
    }

    [Fact]
    public void Mid2024_DefaultVolumes_AllGoNorth_AndDostykAndDostykMoyintyBind()
    {
        CapacityAnalysis a = Analyze(Mid2024);
        Assert.Equal(a.Volumes.Sum(v => v.TeuPerYear), a.Corridors.Single(c => c.Corridor.Value == "northern").TeuPerYear, 1.0);
        Assert.Empty(a.Unserved);
        Assert.Equal(["dostyk-gauge-transfer", "dostyk-moyinty"], a.Bottlenecks.Where(b => b.Binding).Select(b => b.Bottleneck.Id));
        Assert.All(a.Bottlenecks, b => Assert.True(b.LoadTeuPerYear <= (b.InForce?.TeuPerYear ?? double.PositiveInfinity) + 1));
        // Khorgos takes what Dostyk cannot, within its post-2022 capacity.
        Assert.InRange(a.Bottlenecks.Single(b => b.Bottleneck.Id == "khorgos-altynkol").LoadTeuPerYear, 1, 742_858);
    }

    [Fact]
    public void Mid2024_AvoidingRussia_DivertsEverythingNorthern_TheCaspianFleetBindsFirst_AndTheRestGoesBySea()
    {
        CapacityAnalysis a = Analyze(Mid2024, new RouteConstraints { AvoidCountries = new HashSet<string> { "RU" } });
        Assert.True(a.HasBaseline);
        CorridorFlow northern = a.Corridors.Single(c => c.Corridor.Value == "northern");
        CorridorFlow middle = a.Corridors.Single(c => c.Corridor.Value == "middle");
        CorridorFlow maritime = a.Corridors.Single(c => c.Corridor.Value == "maritime");
        Assert.Equal(0, northern.TeuPerYear, 1.0);
        Assert.Equal(-northern.BaselineTeuPerYear!.Value, northern.DivertedTeuPerYear!.Value, 1.0);
        Assert.Equal(450_000, middle.TeuPerYear, 1.0); // MC-15 4.5 Mt/yr at 10 t per TEU
        Assert.Equal(a.Volumes.Sum(v => v.TeuPerYear) - 450_000, maritime.TeuPerYear, 1.0);
        BottleneckUse caspian = a.Bottlenecks.Single(b => b.Bottleneck.Id == "caspian-ferry-fleet");
        Assert.True(caspian.Binding);
        Assert.True(caspian.ShadowPriceDaysPerTeu > 5, $"shadow price {caspian.ShadowPriceDaysPerTeu}");
    }

    /// <summary>
    /// The historical check: the TITR's published volumes (MC-25 2021, MC-27 2022, MC-28 2023, MC-29 Jan–Nov 2024
    /// annualised) put on the Middle Corridor (Russia avoided) against the modelled Caspian fleet capacity (MC-15,
    /// 4.5 Mt/yr). The model says the fleet was far from full in 2021–2022, about 60 % in 2023 and at its limit in
    /// 2024, when the sources put volumes at about 4.5 Mt (MC-31). It does not see the 2022 congestion the World Bank
    /// reports (MC-09): that came from ports, scheduling and the sudden surge, not from fleet tonnage.
    /// </summary>
    [Theory]
    [InlineData("2021-07-01", 586_000, 0.13)]
    [InlineData("2022-07-01", 1_500_000, 0.33)]
    [InlineData("2023-07-01", 2_780_000, 0.62)]
    [InlineData("2024-07-01", 4_100_000 * 12.0 / 11, 0.99)]
    public void MiddleCorridorHistory_AgainstTheModelledCaspianFleet(string asOf, double tonnes, double expectedUtilisation)
    {
        double teu = tonnes / 10; // A-PAYLOAD-40FT, the same 10 t per TEU the capacity was converted with
        var volumes = new List<OdVolume> { new(new PlaceId("xian"), new PlaceId("duisburg"), teu, "TITR volume") };
        CapacityAnalysis a = Analyze(DateOnly.Parse(asOf, CultureInfo.InvariantCulture), new RouteConstraints { AvoidCountries = new HashSet<string> { "RU" } }, volumes);
        BottleneckUse caspian = a.Bottlenecks.Single(b => b.Bottleneck.Id == "caspian-ferry-fleet");
        Assert.Equal(expectedUtilisation, caspian.Utilisation!.Value, 0.01);
        Assert.Equal(expectedUtilisation >= 0.95, caspian.Binding || caspian.Utilisation >= 0.95);
    }
}
