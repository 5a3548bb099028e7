using Corridors.Domain.Emissions;
using Corridors.Domain.Network;
using Corridors.Domain.Risk;
using Corridors.Domain.Routing;
using Corridors.Domain.Scenarios;
using Corridors.Domain.Tests.Routing;

namespace Corridors.Domain.Tests.Risk;

/// <summary>
/// The router assesses risk from per-catalog footprints and reuses per-link CO2e for the default payload; the
/// public <see cref="SanctionRiskAssessor.Assess"/> and <see cref="Co2eEstimator.Estimate"/> test each measure
/// against each leg. Over many random routes, perspectives and dates (the days measures enter into force and
/// lapse, and the days either side), both give the same figures, bit for bit.
/// </summary>
public sealed class AcceleratedAssessmentTests
{
    private static readonly Lazy<CorridorRouter> Real = new(RouterFactory.Real);

    /// <summary>A what-if that lifts one measure and redates another, so the catalog's measures differ from the baseline's.</summary>
    private const string Relaxed = """
        {"id":"relaxed","name":"relaxed","changes":[
          {"type":"lift-measure","measure":"EU-BY-TRANSIT-2024"},
          {"type":"redate-measure","measure":"EU-RU-TRANSIT-DUALUSE-2023","effectiveFrom":"2025-01-01"}]}
        """;

    [Theory]
    [InlineData(1, false)]
    [InlineData(2, false)]
    [InlineData(3, true)]
    [InlineData(4, true)]
    public void RouterRiskAndCo2e_EqualThePublicAssessment_OverRandomQueries(int seed, bool underScenario)
    {
        CorridorRouter router = Real.Value;
        ScenarioOverlay? scenario = underScenario ? router.CompileScenario(Relaxed, 1).Value! : null;
        ScenarioOverlay overlay = scenario ?? router.Baseline;
        var random = new Random(seed);
        List<DateOnly> days = [.. overlay.Sanctions.Measures
            .SelectMany(m => new[] { (DateOnly?)m.EffectiveFrom, m.EffectiveTo })
            .OfType<DateOnly>()
            .SelectMany(d => new[] { d.AddDays(-1), d, d.AddDays(1) })
            .Where(d => d >= overlay.Sanctions.Coverage.From)];
        Place[] places = [.. router.Network.Places.Where(p => p.Kind != PlaceKind.SeaWaypoint)];
        Regime[][] regimes = [[Regime.EU], [], [Regime.US], [Regime.EU, Regime.UK], [Regime.CA]];
        string[] hsCodes = ["847130", "8471", "9301", "0101"];
        Payload tonnes = router.Dataset.EmissionFactors.DefaultPayload.WithCargoTonnes(7);
        int exposures = 0;
        int routes = 0;
        for (int q = 0; q < 150; q++)
        {
            Place origin = places[random.Next(places.Length)];
            Place destination = places[random.Next(places.Length)];
            if (origin.Id == destination.Id)
            {
                continue;
            }

            var query = new RouteQuery
            {
                Origin = origin.Id,
                Destination = destination.Id,
                Objective = (Objective)random.Next(4),
                Regimes = new HashSet<Regime>(regimes[random.Next(regimes.Length)]),
                Cargo = (CargoClass)random.Next(Enum.GetValues<CargoClass>().Length),
                HsCode = random.Next(3) == 0 ? HsCode.Parse(hsCodes[random.Next(hsCodes.Length)]).Value!.Code : null,
                Payload = random.Next(4) == 0 ? tonnes : null,
                Scenario = scenario,
                Constraints = new RouteConstraints { AsOf = days[random.Next(days.Count)] },
            };
            CorridorComparisonSet set = router.Compare(query).Value!;
            foreach (Route route in set.Comparisons.Select(c => c.Answer.Route).OfType<Route>())
            {
                AssertSameRisk(overlay.Risk.Assess(route, query.Perspective), route.SanctionRisk!);
                AssertSameEmissions(router.Emissions.Estimate(route, query.Constraints.AsOf!.Value, query.Payload, query.Co2eOptions), route.Emissions!);
                exposures += route.SanctionRisk!.Exposures.Count;
                routes++;
            }
        }

        Assert.True(routes > 150 && exposures > 20, $"{routes} routes, {exposures} exposures: too few to prove much");
    }

    private static void AssertSameRisk(RouteRisk expected, RouteRisk actual)
    {
        Assert.Equal(expected.Score, actual.Score);
        Assert.Equal(expected.Level, actual.Level);
        Assert.Equal(expected.Verdict, actual.Verdict);
        Assert.Equal(expected.ExposurePoints, actual.ExposurePoints);
        Assert.Equal(expected.ProhibitingMeasureIds, actual.ProhibitingMeasureIds);
        Assert.Equal(expected.LicensingMeasureIds, actual.LicensingMeasureIds);
        Assert.Equal(expected.Perspective, actual.Perspective);
        Assert.Equal(expected.Basis, actual.Basis);
        Assert.Equal(expected.MeasuresReviewedOn, actual.MeasuresReviewedOn);
        Assert.Equal(expected.Exposures.Count, actual.Exposures.Count);
        foreach ((MeasureExposure e, MeasureExposure a) in expected.Exposures.Zip(actual.Exposures))
        {
            Assert.Same(e.Measure, a.Measure);
            Assert.Equal(e.Links, a.Links);
            Assert.Equal(e.Places, a.Places);
            Assert.Equal(e.DistanceKm, a.DistanceKm);
            Assert.Equal(e.Days, a.Days);
            Assert.Equal(e.Points, a.Points);
            Assert.Equal(e.Assumption, a.Assumption);
        }
    }

    private static void AssertSameEmissions(RouteEmissions expected, RouteEmissions actual)
    {
        Assert.Same(expected.Payload, actual.Payload);
        Assert.Equal(expected.WtwKg, actual.WtwKg);
        Assert.Equal(expected.TtwKg, actual.TtwKg);
        Assert.Equal(expected.GridYear, actual.GridYear);
        Assert.Equal(expected.Notes, actual.Notes);
        Assert.Equal(expected.Legs.Count, actual.Legs.Count);
        foreach ((LegEmissions e, LegEmissions a) in expected.Legs.Zip(actual.Legs))
        {
            Assert.Equal((e.Link, e.Mode, e.DistanceKm, e.WtwKg, e.TtwKg, e.Basis, e.Traction), (a.Link, a.Mode, a.DistanceKm, a.WtwKg, a.TtwKg, a.Basis, a.Traction));
            Assert.Equal(e.Factors.Select(Text), a.Factors.Select(Text));
            Assert.Equal(e.TractionSourceIds, a.TractionSourceIds);
        }

        Assert.Equal(expected.Hubs.Select(h => (h.Place, h.Kind, h.WtwKg, h.TtwKg, Text(h.Factor))), actual.Hubs.Select(h => (h.Place, h.Kind, h.WtwKg, h.TtwKg, Text(h.Factor))));
    }

    /// <summary>A factor as text: its record equality would compare the source lists by reference.</summary>
    private static string Text(AppliedFactor factor) => $"{factor.Id} {factor.ValueText} {string.Join("/", factor.SourceIds)} {factor.IsStandIn}";
}
