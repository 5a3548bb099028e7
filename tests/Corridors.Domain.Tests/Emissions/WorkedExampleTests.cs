using Corridors.Domain.Emissions;
using Corridors.Domain.Network;
using Corridors.Domain.Routing;
using Corridors.Domain.Tests.Risk;

namespace Corridors.Domain.Tests.Emissions;

/// <summary>
/// Worked examples on the shipped data, one per mode, each computed by hand in its comment (one 40-foot container,
/// 20 t, 2 TEU; as of 2024-06-01 unless said), plus the Suez/Cape ratio and electric vs diesel on one link.
/// </summary>
public sealed class WorkedExampleTests(RealData data) : IClassFixture<RealData>
{
    private static readonly DateOnly AsOf = new(2024, 6, 1);

    private Co2eEstimator Estimator => data.Router.Emissions;

    private static LegEmissions Leg(RouteEmissions e, string link) => e.Legs.Single(l => l.Link.Value == link);

    private Route Best(string from, string to, DateOnly asOf, RouteConstraints? constraints = null) =>
        data.Router.FindBest(new RouteQuery
        {
            Origin = new PlaceId(from),
            Destination = new PlaceId(to),
            Constraints = (constraints ?? new RouteConstraints()) with { AsOf = asOf },
        }).Value!.Route!;

    [Fact]
    public void NorthernRail_XianDuisburg_ByCountryAndTraction()
    {
        RouteEmissions e = data.Compare("xian", "duisburg", AsOf)["northern"].Emissions!;

        // Electric, RU grid 2024 449.2 g/kWh: 0.0415 kWh/tkm x 449.2 g/kWh x 20 t x 1778 km = 662.902 kg WTW, 0 TTW.
        Assert.Equal(662.902, Leg(e, "yekaterinburg-moscow").WtwKg, 1e-3);
        Assert.Equal(0, Leg(e, "yekaterinburg-moscow").TtwKg);
        Assert.Equal(["rail-electric", "grid-RU-2024"], Leg(e, "yekaterinburg-moscow").Factors.Select(f => f.Id));
        // Diesel (TR-KZ-RAILTECH-2019): 0.03758 x 20 t x 304 km = 228.486 kg WTW; 0.03007 x 20 x 304 = 182.826 TTW.
        Assert.Equal(228.486, Leg(e, "dostyk-aktogay").WtwKg, 1e-3);
        Assert.Equal(182.826, Leg(e, "dostyk-aktogay").TtwKg, 1e-3);
        // A link across two countries splits its km: petropavl-kurgan 300 km, 150 on KZ (801.9) and 150 on RU (449.2):
        // 0.0415 x 20 x 150 x (801.9 + 449.2) / 1000 = 155.762 kg.
        Assert.Equal(155.762, Leg(e, "petropavl-kurgan").WtwKg, 1e-3);

        // The whole route, by country (km of two-country links halved):
        //   CN electric 3,005 km x 0.0415 x 559.6 x 20 / 1000 = 1,395.726
        //   diesel 868.4 km (alashankou-dostyk 14.2 and brest-malaszewicze 18.2 untagged, dostyk-aktogay 304,
        //     aktogay-moyinty 532) x 0.7516 = 652.689
        //   KZ electric 1,245 km x 0.665577 = 828.643; RU 2,909 km x 0.372836 = 1,084.580
        //   BY 518 km x 0.260288 = 134.829; PL 632 km x 0.51045 = 322.604; DE 770 km x 0.285603 = 219.914
        //   line haul 4,638.985; hubs: Xi'an and Duisburg rail terminals, Dostyk and Brest gauge changes, 4 x 9.485 = 37.94
        //   WTW 4,676.925; TTW = diesel 868.4 x 0.6014 = 522.256 + hubs 4 x 7.588 = 30.352 -> 552.608.
        Assert.Equal(4638.985, e.LineHaulWtwKg, 0.01);
        Assert.Equal(4676.925, e.WtwKg, 0.01);
        Assert.Equal(552.608, e.TtwKg, 0.01);
        Assert.Equal(
            [("xian", HubKind.RailTerminal), ("dostyk", HubKind.GaugeChange), ("brest", HubKind.GaugeChange), ("duisburg", HubKind.RailTerminal)],
            e.Hubs.Select(h => (h.Place.Id.Value, h.Kind)));
        Assert.Equal(Co2eBasis.Mixed, e.Basis);
        Assert.Equal(2024, e.GridYear);
    }

    [Fact]
    public void RailLinkWithoutTraction_IsDieselByTheLabelledDefault_AndTheAnswerSaysSo()
    {
        RouteEmissions e = data.Compare("xian", "duisburg", AsOf)["northern"].Emissions!;
        LegEmissions border = Leg(e, "alashankou-dostyk");

        // 0.03758 x 20 t x 14.2 km = 10.673 kg WTW.
        Assert.Equal(TractionKind.Diesel, border.Traction);
        Assert.Equal(["A-TRACTION-DEFAULT"], border.TractionSourceIds);
        Assert.True(border.UsesStandIns);
        Assert.Equal(10.673, border.WtwKg, 1e-3);
        Assert.Contains("no traction tag on alashankou-dostyk, brest-malaszewicze: costed as diesel (A-TRACTION-DEFAULT)", e.Notes);
    }

    [Fact]
    public void ElectrifiedVsDiesel_OnTheSameLink_ChitaZabaikalsk()
    {
        // zabaikalsk-chita, 462 km, electric from 2015-12-31 (A-ELECTRIFIED-ZABAIKALSK), diesel before.
        Route route = Best("zabaikalsk", "chita", new DateOnly(2016, 6, 1));
        LegEmissions diesel = Leg(Estimator.Estimate(route, new DateOnly(2015, 6, 1)), "zabaikalsk-chita");
        LegEmissions electric = Leg(Estimator.Estimate(route, new DateOnly(2016, 6, 1)), "zabaikalsk-chita");

        // Diesel: 0.03758 x 20 x 462 = 347.239 kg WTW, 0.03007 x 20 x 462 = 277.847 TTW.
        // Electric, RU 2016 grid 442.7 g/kWh: 0.0415 x 442.7 x 20 x 462 / 1000 = 169.758 kg WTW, 0 TTW.
        Assert.Equal(TractionKind.Diesel, diesel.Traction);
        Assert.Equal(347.239, diesel.WtwKg, 1e-3);
        Assert.Equal(277.847, diesel.TtwKg, 1e-3);
        Assert.Equal(TractionKind.Electric, electric.Traction);
        Assert.Equal(169.758, electric.WtwKg, 1e-3);
        Assert.Equal(0, electric.TtwKg);
        // Electric beats diesel wherever the grid is under 37.58 / 0.0415 = 905.6 g/kWh.
        Assert.Equal(0.03758 / (0.0415 * 442.7 / 1000), diesel.WtwKg / electric.WtwKg, 1e-6);
    }

    [Fact]
    public void Road_IsPerVehicleKm_IndependentOfTheTonnes()
    {
        Route route = Best("kashgar", "osh", AsOf, new RouteConstraints { AvoidModes = new HashSet<TransportMode> { TransportMode.Rail } });
        RouteEmissions full = Estimator.Estimate(route, AsOf);
        RouteEmissions light = Estimator.Estimate(route, AsOf, Estimator.Factors.DefaultPayload.WithCargoTonnes(5));

        // kashgar-irkeshtam-road 234 km + irkeshtam-osh-road 240 km = 474 km x 1.0433 = 494.524 kg WTW,
        // x 0.8347 = 395.648 TTW; no hub (the truck carries the container door to door).
        Assert.Equal(474, route.DistanceKm, 1e-9);
        Assert.Equal(494.524, full.WtwKg, 1e-3);
        Assert.Equal(395.648, full.TtwKg, 1e-3);
        Assert.Empty(full.Hubs);
        Assert.Equal(full.WtwKg, light.WtwKg, 1e-9);
    }

    [Fact]
    public void FerryAndSea_MiddleAndMaritime()
    {
        Dictionary<string, Route> routes = data.Compare("xian", "duisburg", AsOf);
        RouteEmissions middle = routes["middle"].Emissions!;
        RouteEmissions maritime = routes["maritime"].Emissions!;

        // Caspian train ferry (rail on both sides): 0.1248 x 20 t x 457 km = 1,140.672 kg WTW; 0.1064 x 20 x 457 = 972.496 TTW.
        Assert.Equal(["ferry-rail"], Leg(middle, "kuryk-alat-ferry").Factors.Select(f => f.Id));
        Assert.Equal(1140.672, Leg(middle, "kuryk-alat-ferry").WtwKg, 1e-3);
        Assert.Equal(972.496, Leg(middle, "kuryk-alat-ferry").TtwKg, 1e-3);
        Assert.Equal(2, middle.Hubs.Count(h => h.Kind == HubKind.FerryTerminal));

        // Sea Shenzhen -> Trieste is the Asia-Mediterranean lane: 0.0849 x 2 TEU x 1205 km = 204.609 kg WTW,
        // 0.07239 x 2 x 1205 = 174.460 TTW.
        Assert.Equal(["sea-asia-mediterranean"], Leg(maritime, "shenzhen-south-china-sea").Factors.Select(f => f.Id));
        Assert.Equal(204.609, Leg(maritime, "shenzhen-south-china-sea").WtwKg, 1e-3);
        Assert.Equal(174.460, Leg(maritime, "shenzhen-south-china-sea").TtwKg, 1e-3);
        Assert.Equal(
            [("xian", HubKind.RailTerminal), ("shenzhen", HubKind.PortHandling), ("trieste", HubKind.PortHandling), ("duisburg", HubKind.RailTerminal)],
            maritime.Hubs.Select(h => (h.Place.Id.Value, h.Kind)));
    }

    [Fact]
    public void SuezAndCape_SeaCo2eRatioEqualsTheSeaDistanceRatio_AndTheOptionAddsTheSpeedUplift()
    {
        Dictionary<string, Route> routes = data.Compare("shanghai", "rotterdam", AsOf);
        Route suez = routes["maritime"];
        Route cape = routes["maritime-cape"];
        static double SeaKm(Route r) => r.Legs.Where(l => l.Mode == TransportMode.Sea).Sum(l => l.DistanceKm);
        static double SeaWtw(RouteEmissions e) => e.Legs.Where(l => l.Mode == TransportMode.Sea).Sum(l => l.WtwKg);

        RouteEmissions suezE = Estimator.Estimate(suez, AsOf);
        RouteEmissions capeE = Estimator.Estimate(cape, AsOf);
        RouteEmissions capeFast = Estimator.Estimate(cape, AsOf, options: new Co2eOptions(CapeSpeedUplift: true));
        RouteEmissions suezFast = Estimator.Estimate(suez, AsOf, options: new Co2eOptions(CapeSpeedUplift: true));

        Assert.All(suezE.Legs.Concat(capeE.Legs).Where(l => l.Mode == TransportMode.Sea),
            l => Assert.Equal("sea-asia-north-europe", l.Factors[0].Id));
        Assert.Equal(SeaKm(cape) / SeaKm(suez), SeaWtw(capeE) / SeaWtw(suezE), 1e-12);
        Assert.Equal(1.1095 * SeaKm(cape) / SeaKm(suez), SeaWtw(capeFast) / SeaWtw(suezE), 1e-12);
        Assert.Equal(SeaWtw(suezE), SeaWtw(suezFast), 1e-9); // the uplift touches only a part that rounds the Cape
        Assert.Contains(capeFast.Notes, n => n.Contains("x1.1095 per km", StringComparison.Ordinal));
    }

    [Fact]
    public void AsOfYearOutsideTheGridData_UsesTheNearestYear_AndSaysSo()
    {
        Route route = data.Compare("xian", "duisburg", AsOf)["northern"];
        RouteEmissions e = Estimator.Estimate(route, new DateOnly(2031, 1, 1));

        Assert.Equal(2024, e.GridYear);
        Assert.Contains("grid intensities cover 2014-2024: the as-of year 2031 uses 2024, the nearest (A-GRID-YEAR)", e.Notes);
        AppliedFactor cn = Leg(e, "xian-baoji").Factors.Single(f => f.Id == "grid-CN-2024");
        Assert.True(cn.IsStandIn);
        Assert.Contains("A-GRID-YEAR", cn.SourceIds);
        // Same figures as 2024: electric traction and grids do not change after the data ends.
        Assert.Equal(route.Emissions!.WtwKg, e.WtwKg, 1e-9);
    }

    [Fact]
    public void LowestCo2eCost_EqualsTheLineHaulOfARouteWithoutSea()
    {
        Route northern = data.Compare("xian", "duisburg", AsOf)["northern"];

        Assert.Equal(northern.Emissions!.LineHaulWtwKg,
            RouteCostSum.Of(data.Router.Graph, northern, Estimator.CostFor(data.Router.Graph, AsOf)), 1e-6);
    }
}
