using Corridors.Domain.Geo;
using Corridors.Domain.Network;
using Corridors.Domain.Network.Loading;
using Corridors.Domain.Routing;
using Corridors.Domain.Tests.Support;

namespace Corridors.Domain.Tests.Routing;

/// <summary>
/// The real networks against published figures (ids in networks/sources.csv). Tolerances are the spread between
/// the published sources themselves, not tuned to pass.
/// </summary>
public sealed class RealNetworkPlausibilityTests
{
    private const double KmPerNauticalMile = 1.852;
    private static readonly Lazy<CorridorRouter> Router = new(RouterFactory.Real);

    private static CorridorComparisonSet Compare(string from, string to, RouteConstraints? constraints = null) =>
        Router.Value.Compare(RouterFactory.Query(from, to, constraints: constraints)).Value!;

    private static Route RouteOf(CorridorComparisonSet set, string corridor) =>
        set.Comparisons.Single(c => c.Corridor.Id.Value == corridor).Answer.Route
        ?? throw new InvalidOperationException($"{corridor}: {set.Comparisons.Single(c => c.Corridor.Id.Value == corridor).Answer.Explanation}");

    [Fact]
    public void ShanghaiRotterdamBySea_IsAbout10500NauticalMiles_AndTheCapeAdds3500AndOneToTwoWeeks()
    {
        CorridorComparisonSet set = Compare("shanghai", "rotterdam");
        Route suez = RouteOf(set, "maritime");
        Route cape = RouteOf(set, "maritime-cape");

        // SEA-06: ~10,500 nautical miles via Suez, ~14,000 via the Cape (+3,500).
        Assert.InRange(suez.DistanceKm / KmPerNauticalMile, 10_500 * 0.95, 10_500 * 1.05);
        Assert.InRange((cape.DistanceKm - suez.DistanceKm) / KmPerNauticalMile, 3_500 * 0.85, 3_500 * 1.15);
        Assert.Equal(suez.DistanceKm, suez.ModeKm[TransportMode.Sea], 1e-6);

        // SEA-05: 7–10 days at 16 kn; SEA-14 (Drewry): 10–14 days.
        Assert.InRange(cape.TransitDays.P50 - suez.TransitDays.P50, 7, 14);
        Assert.Contains(suez.Places, p => p.Id.Value == "bab-el-mandeb");
        Assert.DoesNotContain(cape.Places, p => p.Id.Value is "bab-el-mandeb" or "suez");
    }

    [Fact]
    public void AvoidingBabElMandeb_SendsTheMaritimeCorridorRoundTheCape_OneToTwoWeeksLater()
    {
        CorridorComparisonSet baseline = Compare("shanghai", "rotterdam");
        var avoid = new RouteConstraints { AvoidPlaces = new HashSet<PlaceId> { new("bab-el-mandeb") } };
        CorridorComparisonSet avoiding = Compare("shanghai", "rotterdam", avoid);

        Route suez = RouteOf(baseline, "maritime");
        Route diverted = RouteOf(avoiding, "maritime");
        Assert.DoesNotContain(diverted.Places, p => p.Id.Value is "bab-el-mandeb" or "suez");
        Assert.Contains(diverted.Places, p => p.Id.Value == "cape-of-good-hope");
        Assert.InRange(diverted.TransitDays.P50 - suez.TransitDays.P50, 7, 14); // SEA-05, SEA-14
        Assert.Equal(RouteOf(baseline, "maritime-cape").DistanceKm, diverted.DistanceKm, 1e-6);
    }

    [Fact]
    public void XianDuisburgNorthern_MatchesThePublishedLengthAndTransitTime()
    {
        Route northern = RouteOf(Compare("xian", "duisburg"), "northern");

        // Published Xi'an–Duisburg ≈ 9,900 km (sources.csv N-… rows) and 12–14 days; NR-15: 13–19 days China–Europe via Dostyk.
        Assert.InRange(northern.DistanceKm, 9_900 * 0.95, 9_900 * 1.05);
        Assert.InRange(northern.TransitDays.P50, 11, 19);
        Assert.True(northern.TransitDays.P10 < northern.TransitDays.P90);
        Assert.Equal(2, northern.GaugeBreaks);
        Assert.Contains(northern.Dwells, d => d.Kind == DwellKind.GaugeBreak && d.Place.Id.Value == "dostyk");
        Assert.Subset(northern.Countries.Select(c => c.CountryCode).ToHashSet(), new HashSet<string> { "RU", "BY", "KZ", "PL" });
    }

    [Fact]
    public void MiddleCorridor_AvoidsRussiaAndBelarus_ButIsSlowerThanNorthern()
    {
        CorridorComparisonSet set = Compare("xian", "duisburg");
        Route northern = RouteOf(set, "northern");
        Route middle = RouteOf(set, "middle");

        Assert.DoesNotContain(middle.Countries, c => c.CountryCode is "RU" or "BY");
        Assert.Contains(middle.Legs, l => l.Mode == TransportMode.Ferry);
        // MC-07 (World Bank 2023): three times the Northern transit; MC-10: 20–25 days claimed. Both say: slower.
        Assert.InRange(middle.TransitDays.P50 / northern.TransitDays.P50, 1.5, 3.5);
        // MC-05: TITR China–EU ≈ 11,000 km.
        Assert.InRange(middle.DistanceKm, 11_000 * 0.9, 11_000 * 1.15);
    }

    [Fact]
    public void CkuRailway_IsNotYetOpenToday_ButTheRoadRailServiceRuns()
    {
        var railOnly = new RouteConstraints { AvoidModes = new HashSet<TransportMode> { TransportMode.Road } };
        RouteAnswer railway = Compare("kashgar", "andijan", railOnly).Comparisons.Single(c => c.Corridor.Id.Value == "cku").Answer;
        RouteAnswer today = Compare("kashgar", "andijan").Comparisons.Single(c => c.Corridor.Id.Value == "cku").Answer;
        RouteAnswer planned = Compare("kashgar", "andijan", railOnly with { IncludePlanned = true }).Comparisons.Single(c => c.Corridor.Id.Value == "cku").Answer;

        Assert.Equal(RouteOutcome.NotYetOpen, railway.Outcome);
        Assert.Equal(2030, railway.OpensOn!.Value.Year); // CKU-11: completion planned 2030
        Assert.Equal(RouteOutcome.Found, today.Outcome);
        Assert.True(today.Route!.ModeKm.GetValueOrDefault(TransportMode.Road) > 0);
        // CKU-05/06/07: 213 km in China + 311.8 km in Kyrgyzstan + ~50 km in Uzbekistan ≈ 575 km.
        Assert.Equal(RouteOutcome.Found, planned.Outcome);
        Assert.InRange(planned.Route!.DistanceKm, 575 * 0.95, 575 * 1.05);
        Assert.Equal(1, planned.Route.GaugeBreaks); // Makmal, 1435 → 1520 (BG-07, CKU-06)
    }

    [Fact]
    public void EveryMustHavePlace_IsRoutableToDuisburgOrFromShanghai()
    {
        string[] chinese = ["chongqing", "chengdu", "xian", "zhengzhou", "yiwu", "wuhan", "urumqi", "kashgar"];
        foreach (string origin in chinese)
        {
            RouteAnswer answer = Router.Value.FindBest(RouterFactory.Query(origin, "duisburg")).Value!;
            Assert.True(answer.Outcome == RouteOutcome.Found, $"{origin}: {answer.Explanation}");
        }
    }
}
