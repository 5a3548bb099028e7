using System.Globalization;
using Corridors.Domain.Network;
using Corridors.Domain.Risk;
using Corridors.Domain.Routing;

namespace Corridors.Domain.Tests.Risk;

/// <summary>
/// Verdicts checked against the acts, table-driven: for a shipper's regime, a cargo class, a journey, a corridor and
/// a date, the expected outcome and the measures that must decide it. Each case says which act and date it rests on.
/// </summary>
public sealed class VerdictTests(RealData data) : IClassFixture<RealData>
{
    public static TheoryData<string, string, string, string, string, string, string, RouteOutcome, string[]> Cases => new()
    {
        // Council Regulation (EU) 2023/427 (10th package) bans the transit via Russia of firearms and ammunition exported
        // from the EU; published 2023-02-25, in force the day after (S-MONDAQ-EU-10TH, S-TULLI-EU-10TH).
        { "military, the day before the 10th package", "EU", "military", "duisburg", "xian", "northern", "2023-02-25", RouteOutcome.Found, [] },
        { "military, the 10th package in force", "EU", "military", "duisburg", "xian", "northern", "2023-02-26", RouteOutcome.Prohibited, ["EU-RU-TRANSIT-FIREARMS-2023"] },
        { "military, the day after", "EU", "military", "duisburg", "xian", "northern", "2023-02-27", RouteOutcome.Prohibited, ["EU-RU-TRANSIT-FIREARMS-2023"] },
        // Regulation (EU) 2024/1865 adds the transit ban via Belarus from 2024-07-01 (S-EURLEX-2024-1865, recital 5).
        { "military, Belarus ban in force", "EU", "military", "duisburg", "xian", "northern", "2024-08-01", RouteOutcome.Prohibited, ["EU-BY-TRANSIT-2024", "EU-RU-TRANSIT-FIREARMS-2023"] },
        { "military, the day before the Belarus ban", "EU", "military", "duisburg", "xian", "northern", "2024-06-30", RouteOutcome.Prohibited, ["EU-RU-TRANSIT-FIREARMS-2023"] },
        // Regulation 2023/427: dual-use goods exported from the EU may not transit Russia from 2023-02-26, not 02-25.
        { "dual-use, the day before the 10th package", "EU", "dual-use", "duisburg", "xian", "northern", "2023-02-25", RouteOutcome.Found, [] },
        { "dual-use, the 10th package in force", "EU", "dual-use", "duisburg", "xian", "northern", "2023-02-26", RouteOutcome.Prohibited, ["EU-RU-TRANSIT-DUALUSE-2023"] },
        { "dual-use through Belarus after 2024/1865", "EU", "dual-use", "duisburg", "xian", "northern", "2024-07-01", RouteOutcome.Prohibited, ["EU-BY-TRANSIT-2024", "EU-RU-TRANSIT-DUALUSE-2023"] },
        // The transit bans cover goods exported from the EU: an import into the EU is not their case (direction).
        { "dual-use import into the EU", "EU", "dual-use", "xian", "duisburg", "northern", "2024-08-01", RouteOutcome.Found, [] },
        { "military import into the EU", "EU", "military", "xian", "duisburg", "northern", "2024-08-01", RouteOutcome.Found, [] },
        // No act prohibits general cargo on the Northern route: allowed, with high exposure.
        { "general cargo stays allowed", "EU", "general", "duisburg", "xian", "northern", "2024-08-01", RouteOutcome.Found, [] },
        { "general cargo, imports", "EU", "general", "xian", "duisburg", "northern", "2024-08-01", RouteOutcome.Found, [] },
        // The EU acts bind EU persons: a shipper bound by no regime, or by the US only, is not prohibited by them.
        { "no regime", "none", "military", "duisburg", "xian", "northern", "2024-08-01", RouteOutcome.Found, [] },
        { "US shipper, EU transit bans do not reach it", "US", "dual-use", "duisburg", "xian", "northern", "2024-08-01", RouteOutcome.Found, [] },
        // The UK asset freeze on Russian Railways (Russia (Sanctions) (EU Exit) Regulations 2019, regs 11-13): paying RZD,
        // even through a forwarder, needs an OFSI licence; it does not ban the movement (S-UK-SI-2019-855, S-OFSI-RZD-GL-2023).
        { "UK shipper over RZD: licence required", "UK", "general", "xian", "duisburg", "northern", "2024-08-01", RouteOutcome.Found, [] },
        { "UK shipper before the designation", "UK", "general", "xian", "duisburg", "northern", "2022-03-23", RouteOutcome.Found, [] },
        // Regulation (EU) No 833/2014 as amended by 2022/328, Art. 2(1): dual-use exports to Russia are banned from
        // 2022-02-25 (S-DIGWATCH-2022-328); a destination in Russia is an export, not a transit.
        { "dual-use export to Russia, the day before", "EU", "dual-use", "duisburg", "moscow", "northern", "2022-02-24", RouteOutcome.Found, [] },
        { "dual-use export to Russia", "EU", "dual-use", "duisburg", "moscow", "northern", "2022-02-25", RouteOutcome.Prohibited, ["EU-RU-DUALUSE-EXPORT-2022"] },
        // … and on the way to Moscow the goods transit Belarus: from 2024-07-01 Regulation 2024/1865 prohibits that too.
        { "dual-use export to Russia through Belarus", "EU", "dual-use", "duisburg", "moscow", "northern", "2024-08-01", RouteOutcome.Prohibited, ["EU-BY-TRANSIT-2024", "EU-RU-DUALUSE-EXPORT-2022"] },
        // The EU arms embargo on Russia (Decision 2014/512, with Regulation 833/2014), from 2014-08-01, both ways.
        { "military to Russia, before the embargo", "EU", "military", "duisburg", "moscow", "northern", "2014-07-31", RouteOutcome.Found, [] },
        { "military to Russia", "EU", "military", "duisburg", "moscow", "northern", "2014-08-01", RouteOutcome.Prohibited, ["EU-RU-ARMS-2014"] },
        { "military from Russia", "EU", "military", "moscow", "duisburg", "northern", "2015-01-01", RouteOutcome.Prohibited, ["EU-RU-ARMS-2014"] },
        { "general cargo from Russia stays allowed", "EU", "general", "moscow", "duisburg", "northern", "2024-01-01", RouteOutcome.Found, [] },
        // A transit ban concerns goods passing through the country: goods bound for Belarus are not in transit there
        // (their export is a matter for Regulation 2022/355, not modelled yet).
        { "dual-use bound for Minsk is not a transit", "EU", "dual-use", "duisburg", "minsk", "northern", "2024-08-01", RouteOutcome.Found, [] },
        { "military bound for Moscow: the embargo and the Belarus transit ban, not the Russian one", "EU", "military", "duisburg", "moscow", "northern", "2024-08-01", RouteOutcome.Prohibited, ["EU-BY-TRANSIT-2024", "EU-RU-ARMS-2014"] },
        // US Directive 3 (E.O. 14024) on RZD debt and equity from 2022-03-26: an exposure, never a ban on shipping.
        { "US shipper, Directive 3 in force", "US", "general", "duisburg", "xian", "northern", "2022-03-26", RouteOutcome.Found, [] },
        { "US shipper, dual-use", "US", "dual-use", "duisburg", "xian", "northern", "2022-03-26", RouteOutcome.Found, [] },
        // Regimes combine: an EU and US shipper is bound by the EU transit bans.
        { "EU and US shipper, military", "EU,US", "military", "duisburg", "xian", "northern", "2024-08-01", RouteOutcome.Prohibited, ["EU-BY-TRANSIT-2024", "EU-RU-TRANSIT-FIREARMS-2023"] },
        // Energy cargo: no modelled act prohibits its transit.
        { "energy cargo stays allowed", "EU", "energy", "duisburg", "xian", "northern", "2024-08-01", RouteOutcome.Found, [] },
        // Before any 2022 measure, a route through Russia was allowed for dual-use goods.
        { "dual-use in 2021", "EU", "dual-use", "duisburg", "xian", "northern", "2021-06-01", RouteOutcome.Found, [] },
        // Other origins and destinations in the EU: the transit bans follow the origin, not the place name.
        { "military from Hamburg", "EU", "military", "hamburg", "xian", "northern", "2024-08-01", RouteOutcome.Prohibited, ["EU-BY-TRANSIT-2024", "EU-RU-TRANSIT-FIREARMS-2023"] },
        { "dual-use from Warsaw", "EU", "dual-use", "warsaw", "xian", "northern", "2023-03-01", RouteOutcome.Prohibited, ["EU-RU-TRANSIT-DUALUSE-2023"] },
        { "military from Prague, before the Belarus ban", "EU", "military", "prague", "chongqing", "northern", "2024-06-30", RouteOutcome.Prohibited, ["EU-RU-TRANSIT-FIREARMS-2023"] },
        { "dual-use by the Middle Corridor", "EU", "dual-use", "duisburg", "xian", "middle", "2024-08-01", RouteOutcome.Found, [] },
        { "military by sea via Suez", "EU", "military", "hamburg", "shanghai", "maritime", "2024-08-01", RouteOutcome.Found, [] },
        { "military round the Cape", "EU", "military", "rotterdam", "shanghai", "maritime-cape", "2024-08-01", RouteOutcome.Found, [] },
        // The Middle Corridor avoids Russia and Belarus.
        { "military by the Middle Corridor", "EU", "military", "duisburg", "xian", "middle", "2024-08-01", RouteOutcome.Found, [] },
        { "dual-use by sea", "EU", "dual-use", "duisburg", "xian", "maritime", "2024-08-01", RouteOutcome.Found, [] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Verdict_FollowsTheActs(string why, string regimes, string cargo, string from, string to, string corridor, string asOf,
        RouteOutcome expected, string[] prohibitedBy)
    {
        DateOnly date = DateOnly.Parse(asOf, CultureInfo.InvariantCulture);
        Perspective perspective = RealData.Perspective(regimes, cargo, date);
        var query = new RouteQuery
        {
            Origin = new PlaceId(from),
            Destination = new PlaceId(to),
            Regimes = perspective.Regimes,
            Cargo = perspective.Cargo,
            Constraints = new RouteConstraints { AsOf = date, Corridor = new CorridorId(corridor) },
        };

        RouteAnswer answer = data.Router.FindBest(query).Value!;

        Assert.True(expected == answer.Outcome, $"{why}: {answer.Outcome}, {answer.Explanation}");
        Assert.Equal(prohibitedBy, answer.Route!.SanctionRisk!.ProhibitingMeasureIds);
    }

    [Theory]
    [InlineData("2024-08-01", RiskVerdict.LicenceRequired, new[] { "UK-RZD-ASSET-FREEZE-2022" })]
    [InlineData("2022-03-24", RiskVerdict.LicenceRequired, new[] { "UK-RZD-ASSET-FREEZE-2022" })]
    [InlineData("2022-03-23", RiskVerdict.Allowed, new string[0])]
    public void UkShipperOnTheNorthernRoute_NeedsAnOfsiLicenceFromTheDesignation(string asOf, RiskVerdict verdict, string[] licensing)
    {
        DateOnly date = DateOnly.Parse(asOf, CultureInfo.InvariantCulture);
        var query = new RouteQuery
        {
            Origin = new PlaceId("xian"),
            Destination = new PlaceId("duisburg"),
            Regimes = new HashSet<Regime> { Regime.UK },
            Constraints = new RouteConstraints { AsOf = date, Corridor = new CorridorId("northern") },
        };

        RouteAnswer answer = data.Router.FindBest(query).Value!;

        Assert.Equal(RouteOutcome.Found, answer.Outcome);
        Assert.Equal(verdict, answer.Route!.SanctionRisk!.Verdict);
        Assert.Equal(licensing, answer.Route.SanctionRisk.LicensingMeasureIds);
        if (verdict == RiskVerdict.LicenceRequired)
        {
            Assert.StartsWith("route found; a licence is required for UK general " + asOf + ": UK-RZD-ASSET-FREEZE-2022 (OFSI (HM Treasury): specific licence", answer.Explanation, StringComparison.Ordinal);
        }
    }

    [Theory]
    // 15 CFR 746.8 (87 FR 12226, effective 2022-02-24): a BIS licence, under a policy of denial, for CCL items
    // exported to Russia; general cargo (EAR99) needs none.
    [InlineData("dual-use", "2022-02-23", RiskVerdict.Allowed, new string[0])]
    [InlineData("dual-use", "2022-02-24", RiskVerdict.LicenceRequired, new[] { "US-EAR-746-8-RU-2022" })]
    [InlineData("military", "2024-08-01", RiskVerdict.LicenceRequired, new[] { "US-EAR-746-8-RU-2022" })]
    [InlineData("general", "2024-08-01", RiskVerdict.Allowed, new string[0])]
    public void UsShipperExportingToRussia_NeedsABisLicenceForControlledItems(string cargo, string asOf, RiskVerdict verdict, string[] licensing)
    {
        DateOnly date = DateOnly.Parse(asOf, CultureInfo.InvariantCulture);
        Perspective perspective = RealData.Perspective("US", cargo, date);
        var query = new RouteQuery
        {
            Origin = new PlaceId("duisburg"),
            Destination = new PlaceId("moscow"),
            Regimes = perspective.Regimes,
            Cargo = perspective.Cargo,
            Constraints = new RouteConstraints { AsOf = date },
        };

        RouteRisk risk = data.Router.FindBest(query).Value!.Route!.SanctionRisk!;

        Assert.Equal(verdict, risk.Verdict);
        Assert.Equal(licensing, risk.LicensingMeasureIds);
    }

    [Fact]
    public void EveryMeasure_NamesItsActAndArticles()
    {
        Assert.All(data.Catalog.Measures, m =>
        {
            Assert.False(string.IsNullOrWhiteSpace(m.Act), m.Id);
            Assert.False(string.IsNullOrWhiteSpace(m.Articles), m.Id);
        });
    }

    [Theory]
    // Regulation (EU) 2023/1214 (11th package) extends the transit ban via Russia to the goods of Annexes VII, XI
    // and XX of 833/2014, from 2023-06-24 (S-TULLI-EU-11TH-TRANSIT); Annex XI = aircraft, spacecraft and parts
    // thereof, CN chapter 88 (S-EASA-FAQ-136156).
    [InlineData("8803.30", "duisburg", "xian", "2023-06-23", RouteOutcome.Found)]
    [InlineData("8803.30", "duisburg", "xian", "2023-06-24", RouteOutcome.Prohibited)]
    [InlineData("88", "hamburg", "chongqing", "2024-01-01", RouteOutcome.Prohibited)]
    [InlineData("8803.30", "xian", "duisburg", "2024-01-01", RouteOutcome.Found)]   // an import: not goods exported from the EU
    [InlineData("8471.30", "duisburg", "xian", "2024-01-01", RouteOutcome.Found)]   // not on a list read so far
    public void HsCodeOnAnAnnexXiGood_IsProhibitedInTransitThroughRussiaFromThe11thPackage(string hsCode, string from, string to, string asOf, RouteOutcome expected)
    {
        DateOnly date = DateOnly.Parse(asOf, CultureInfo.InvariantCulture);
        QueryResult<Perspective> perspective = PerspectiveParser.Parse("EU", "general", date, hsCode);
        var query = new RouteQuery
        {
            Origin = new PlaceId(from),
            Destination = new PlaceId(to),
            Regimes = perspective.Value!.Regimes,
            HsCode = perspective.Value.HsCode,
            Constraints = new RouteConstraints { AsOf = date, Corridor = new CorridorId("northern") },
        };

        RouteAnswer answer = data.Router.FindBest(query).Value!;

        Assert.Equal(expected, answer.Outcome);
        Assert.Equal(expected == RouteOutcome.Prohibited ? ["EU-RU-TRANSIT-ANNEX-XI-2023"] : [], answer.Route!.SanctionRisk!.ProhibitingMeasureIds);
    }

    [Fact]
    public void AVerdictThatRestsOnTheGoodsBeingEuExports_SaysSo_AndNamesTheLinksAndTheAct()
    {
        var query = new RouteQuery
        {
            Origin = new PlaceId("duisburg"),
            Destination = new PlaceId("xian"),
            Cargo = CargoClass.DualUse,
            Constraints = new RouteConstraints { AsOf = new DateOnly(2024, 8, 1), Corridor = new CorridorId("northern") },
        };

        RouteRisk risk = data.Router.FindBest(query).Value!.Route!.SanctionRisk!;
        MeasureExposure transit = risk.Exposures.Single(e => e.Measure.Id == "EU-RU-TRANSIT-DUALUSE-2023");
        MeasureExposure sectoral = risk.Exposures.Single(e => e.Measure.Id == "EU-RU-SECTORAL-2022");

        Assert.Equal("the goods are taken to be exported from the EU (the origin, DE, is in its territory)", transit.Assumption);
        Assert.Null(sectoral.Assumption);
        Assert.NotEmpty(transit.Links);
        Assert.StartsWith("Council Regulation (EU) 2023/427", transit.Measure.Act, StringComparison.Ordinal);
        Assert.Equal(new DateOnly(2023, 2, 26), transit.Measure.EffectiveFrom);
    }

    [Fact]
    public void EveryProhibitingMeasure_NamesItsActInItsTitle()
    {
        Assert.All(data.Catalog.Measures.Where(m => m.Prohibits && m.Regime == Regime.EU && m.EffectiveFrom.Year >= 2023),
            m => Assert.Matches(@"Regulation \((EU|EC)\) (No )?\d{3,4}/\d{1,4}", m.Title));
    }
}
