using Corridors.Domain.Network;
using Corridors.Domain.Risk;
using Corridors.Domain.Tests.Routing;

namespace Corridors.Domain.Tests.Risk;

/// <summary>A hand-made network and catalog whose exposure points can be checked by hand.</summary>
internal static class RiskTestData
{
    public static readonly DateOnly Mid2023 = new(2023, 6, 1);

    public static readonly DataCoverage Coverage = new(new DateOnly(2014, 1, 1), new DateOnly(2026, 11, 29), new DateOnly(2027, 11, 29));

    /// <summary>
    /// xian (CN) –1000 km CN/KZ– astana (KZ) –2000 km RU, operator RZD– moscow (RU) –1000 km RU/BY– brest (BY)
    /// –1000 km BY/DE– duisburg (DE); and a southern bypass astana –4000 km KZ/TR/DE– duisburg. Sources T-1, T-2.
    /// </summary>
    public static CorridorNetwork Network()
    {
        CorridorNetwork built = new TestNetworks()
            .Place("xian", "CN", 108.9, 34.3)
            .Place("astana", "KZ", 71.4, 51.2)
            .Place("moscow", "RU", 37.6, 55.8)
            .Place("brest", "BY", 23.7, 52.1)
            .Place("duisburg", "DE", 6.8, 51.4)
            .Link("xian", "astana", 3500, countries: ["CN", "KZ"], corridors: ["northern", "middle"])
            .Link("astana", "moscow", 2300, gaugeMm: 1520, countries: ["RU"], corridors: ["northern"])
            .Link("moscow", "brest", 1100, gaugeMm: 1520, countries: ["RU", "BY"], corridors: ["northern"])
            .Link("brest", "duisburg", 1200, countries: ["BY", "DE"], corridors: ["northern"])
            .Link("astana", "duisburg", 5000, countries: ["KZ", "TR", "DE"], corridors: ["middle"])
            .Corridor("northern", ["xian"], ["duisburg"])
            .Corridor("middle", ["xian"], ["duisburg"])
            .Build();
        return new CorridorNetwork(
            built.Places,
            built.Links.Select(l => l.Id.Value == "astana-moscow" ? l with { Operator = "RZD" } : l),
            built.Corridors,
            [new Source("T-1", "Test source one", "https://example.org/1", "2024", ""), new Source("T-2", "Test source two", "", "2024", "")]);
    }

    public static readonly SanctionedOperator Rzd =
        new("RZD", OperatorRole.Infrastructure, "test", ["RU"], new HashSet<TransportMode> { TransportMode.Rail }, ["T-1"]);

    public static IReadOnlyList<RegimeInfo> Regimes =>
    [
        new(Regime.EU, "European Union", ["DE", "PL"], ["T-1"]),
        new(Regime.US, "United States", ["US"], ["T-1"]),
    ];

    public static Measure Measure(
        string id,
        MeasureTarget target,
        int severity,
        Regime regime = Regime.EU,
        MeasureKind kind = MeasureKind.Sectoral,
        CargoClass[]? cargo = null,
        TradeDirection direction = TradeDirection.Any,
        DateOnly? from = null,
        DateOnly? to = null,
        bool prohibits = false,
        TransportMode[]? modes = null) =>
        new(id, regime, id, target, kind,
            new HashSet<TransportMode>(modes ?? Enum.GetValues<TransportMode>()),
            new HashSet<CargoClass>(cargo ?? Enum.GetValues<CargoClass>()),
            direction, from ?? new DateOnly(2014, 8, 1), to, severity, prohibits, ["T-1"]);

    /// <summary>
    /// SECT: EU, country RU, severity 2. RZD: EU, operator RZD, severity 3, rail. PORT: EU, place moscow, severity 1.
    /// TRANSIT: EU, country RU, severity 5, dual-use, EU exports, from 2023-02-25, prohibits. USONLY: US, country RU,
    /// severity 4. SECONDARY: US secondary sanctions on RU, severity 1. OLD: EU, RU, severity 5, ended 2020-01-01.
    /// </summary>
    public static SanctionsCatalog Catalog(params Measure[] extra) => new(
        Coverage,
        Regimes,
        [Rzd],
        [
            Measure("SECT", new CountryTarget("RU"), 2),
            Measure("RZD", new OperatorTarget(Rzd), 3, kind: MeasureKind.FinancingBan, modes: [TransportMode.Rail]),
            Measure("PORT", new PlaceTarget(new PlaceId("moscow")), 1),
            Measure("TRANSIT", new CountryTarget("RU"), 5, kind: MeasureKind.TransitBan, cargo: [CargoClass.DualUse],
                direction: TradeDirection.ExportFromRegime, from: new DateOnly(2023, 2, 25), prohibits: true),
            Measure("USONLY", new CountryTarget("RU"), 4, regime: Regime.US),
            Measure("SECONDARY", new CountryTarget("RU"), 1, regime: Regime.US, kind: MeasureKind.SecondarySanctions),
            Measure("OLD", new CountryTarget("RU"), 5, from: new DateOnly(2015, 1, 1), to: new DateOnly(2020, 1, 1)),
            .. extra,
        ]);

    public static Perspective Perspective(string regimes, string cargo, DateOnly asOf)
    {
        var parsed = PerspectiveParser.Parse(regimes, cargo, asOf);
        Assert.True(parsed.IsSuccess, string.Join("; ", parsed.Errors));
        return parsed.Value!;
    }
}
