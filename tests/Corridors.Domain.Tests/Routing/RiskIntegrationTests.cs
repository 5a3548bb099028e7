using Corridors.Domain.Network;
using Corridors.Domain.Risk;
using Corridors.Domain.Routing;

namespace Corridors.Domain.Tests.Routing;

/// <summary>Sanction risk and CO2e inside routing, on the shipped data (issue "Sanction risk and CO2e", item 4).</summary>
public sealed class RiskIntegrationTests
{
    private static readonly Lazy<CorridorRouter> Router = new(RouterFactory.Real);

    private static RouteQuery Query(string from, string to, DateOnly asOf, CargoClass cargo = CargoClass.General, Objective objective = Objective.Fastest, RouteConstraints? constraints = null) =>
        new()
        {
            Origin = new PlaceId(from),
            Destination = new PlaceId(to),
            Objective = objective,
            Cargo = cargo,
            Regimes = new HashSet<Regime> { Regime.EU },
            Constraints = (constraints ?? new RouteConstraints()) with { AsOf = asOf },
        };

    private static RouteAnswer Corridor(CorridorComparisonSet set, string id) => set.Comparisons.Single(c => c.Corridor.Id.Value == id).Answer;

    [Fact]
    public void DualUseExportsViaRussia_AreReportedProhibitedWithTheRoute_NeverSwappedForAnother()
    {
        CorridorComparisonSet in2023 = Router.Value.Compare(Query("duisburg", "xian", new DateOnly(2023, 6, 1), CargoClass.DualUse)).Value!;
        CorridorComparisonSet in2022 = Router.Value.Compare(Query("duisburg", "xian", new DateOnly(2022, 6, 1), CargoClass.DualUse)).Value!;

        RouteAnswer northern2023 = Corridor(in2023, "northern");
        Assert.Equal(RouteOutcome.Prohibited, northern2023.Outcome);
        Assert.NotNull(northern2023.Route);
        Assert.Contains(northern2023.Route.Countries, c => c.CountryCode == "RU");
        Assert.Contains("EU-RU-TRANSIT-DUALUSE-2023", northern2023.Route.SanctionRisk!.ProhibitingMeasureIds);
        Assert.Equal("prohibited for EU dual-use 2023-06-01 by EU-RU-TRANSIT-DUALUSE-2023", northern2023.Explanation);

        RouteAnswer northern2022 = Corridor(in2022, "northern");
        Assert.DoesNotContain("EU-RU-TRANSIT-DUALUSE-2023", northern2022.Route!.SanctionRisk!.ProhibitingMeasureIds);
        Assert.Equal(RouteOutcome.Found, Corridor(in2023, "middle").Outcome);
    }

    [Fact]
    public void GeneralCargoNorthern_ScoresHigherIn2023ThanIn2021_AndHigherThanMiddleAndMaritime()
    {
        CorridorComparisonSet in2023 = Router.Value.Compare(Query("xian", "duisburg", new DateOnly(2023, 6, 1))).Value!;
        CorridorComparisonSet in2021 = Router.Value.Compare(Query("xian", "duisburg", new DateOnly(2021, 6, 1))).Value!;

        double northern2023 = Corridor(in2023, "northern").Route!.SanctionRisk!.Score;
        Assert.True(northern2023 > Corridor(in2021, "northern").Route!.SanctionRisk!.Score);
        Assert.True(northern2023 > Corridor(in2023, "middle").Route!.SanctionRisk!.Score);
        Assert.True(northern2023 > Corridor(in2023, "maritime").Route!.SanctionRisk!.Score);
        Assert.All(in2023.Comparisons, c => Assert.True(c.Answer.Route!.Emissions!.WtwKg > 0));
    }

    [Fact]
    public void AllowedOnly_TurnsTheNorthernCorridorProhibitedForDualUse_AndTheBestRouteAvoidsRussia()
    {
        var allowedOnly = new RouteConstraints { AllowedOnly = true };
        CorridorComparisonSet set = Router.Value.Compare(Query("duisburg", "xian", new DateOnly(2023, 6, 1), CargoClass.DualUse, constraints: allowedOnly)).Value!;
        RouteAnswer best = Router.Value.FindBest(Query("duisburg", "xian", new DateOnly(2023, 6, 1), CargoClass.DualUse, constraints: allowedOnly)).Value!;

        RouteAnswer northern = Corridor(set, "northern");
        Assert.Equal(RouteOutcome.Prohibited, northern.Outcome);
        Assert.StartsWith("every route is prohibited for EU dual-use 2023-06-01", northern.Explanation, StringComparison.Ordinal);
        Assert.Equal(ConstraintKind.AllowedOnly, Assert.Single(northern.Reasons).Constraint);
        Assert.Equal(RouteOutcome.Found, best.Outcome);
        Assert.DoesNotContain(best.Route!.Countries, c => c.CountryCode == "RU");
        Assert.Equal(RiskVerdict.Allowed, best.Route.SanctionRisk!.Verdict);
    }

    [Fact]
    public void LowestRiskObjective_FindsTheLowestScoringRoute()
    {
        DateOnly asOf = new(2023, 6, 1);
        Route fastest = Router.Value.FindBest(Query("xian", "duisburg", asOf)).Value!.Route!;
        Route safest = Router.Value.FindBest(Query("xian", "duisburg", asOf, objective: Objective.LowestRisk)).Value!.Route!;

        Assert.True(fastest.SanctionRisk!.Score > 50);
        Assert.Equal(0, safest.SanctionRisk!.Score, 1e-9);
        Assert.DoesNotContain(safest.Countries, c => c.CountryCode is "RU" or "BY");
    }

    [Fact]
    public void LowestCo2eObjective_PrefersTheSea()
    {
        Route greenest = Router.Value.FindBest(Query("xian", "duisburg", new DateOnly(2023, 6, 1), objective: Objective.LowestCo2e)).Value!.Route!;
        Route fastest = Router.Value.FindBest(Query("xian", "duisburg", new DateOnly(2023, 6, 1))).Value!.Route!;

        Assert.True(greenest.Emissions!.WtwKg < fastest.Emissions!.WtwKg);
        Assert.True(greenest.ModeKm.GetValueOrDefault(TransportMode.Sea) > 10_000);
    }

    [Fact]
    public void RiskCapBelowWhatTheNorthernCorridorCanDo_IsInfeasibleNamingTheLowestAchievableScore()
    {
        var capped = new RouteConstraints { MaxRiskScore = 10 };
        CorridorComparisonSet set = Router.Value.Compare(Query("xian", "duisburg", new DateOnly(2023, 6, 1), constraints: capped)).Value!;

        RouteAnswer northern = Corridor(set, "northern");
        Assert.Equal(RouteOutcome.Infeasible, northern.Outcome);
        Infeasibility reason = Assert.Single(northern.Reasons);
        Assert.Equal(ConstraintKind.MaxRiskScore, reason.Constraint);
        Assert.StartsWith("a sanction risk score of at most 10 (the lowest achievable is ", reason.Message, StringComparison.Ordinal);
        Assert.Equal(RouteOutcome.Found, Corridor(set, "middle").Outcome);
        Assert.True(Corridor(set, "middle").Route!.SanctionRisk!.Score <= 10);
    }

    [Fact]
    public void ParetoWithRisk_HoldsTheFastestAndTheSafestRoutes()
    {
        ParetoFront front = Router.Value.FindPareto(Query("xian", "duisburg", new DateOnly(2023, 6, 1)), [Objective.Fastest, Objective.LowestRisk]).Value!;

        Assert.True(front.Routes.Count >= 2);
        Assert.Contains(front.Routes, r => r.Route.SanctionRisk!.Score == 0);
        Assert.Contains(front.Routes, r => r.Route.Countries.Any(c => c.CountryCode == "RU"));
    }

    [Theory]
    [InlineData("2013-12-31", "as-of date 2013-12-31 is outside the answered range 2014-01-01 … 2040-12-31 (before 2014-01-01")]
    [InlineData("2041-01-01", "as-of date 2041-01-01 is outside the answered range 2014-01-01 … 2040-12-31 (after 2040-12-31")]
    public void AsOfOutsideTheAnsweredRange_IsAQueryError(string date, string messageStart)
    {
        var result = Router.Value.FindBest(Query("xian", "duisburg", DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)));

        QueryError error = Assert.Single(result.Errors);
        Assert.Equal("as_of", error.Field);
        Assert.StartsWith(messageStart, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AsOfPastTheReview_IsAnsweredAsAProjectionOfTheReviewedMeasures()
    {
        Route reviewed = Router.Value.FindBest(Query("xian", "duisburg", new DateOnly(2026, 11, 29))).Value!.Route!;
        Route projected = Router.Value.FindBest(Query("xian", "duisburg", new DateOnly(2031, 1, 1))).Value!.Route!;

        Assert.Equal(RiskBasis.Reviewed, reviewed.SanctionRisk!.Basis);
        Assert.Equal(RiskBasis.Projected, projected.SanctionRisk!.Basis);
        Assert.Equal(new DateOnly(2026, 11, 29), projected.SanctionRisk.MeasuresReviewedOn);
        // No measure in the data ends: the measures in force at the review persist, so the same route scores the same.
        Assert.Equal(reviewed.SanctionRisk.Score, projected.SanctionRisk.Score, 1e-9);
        Assert.Equal(reviewed.SanctionRisk.Exposures.Select(e => e.Measure.Id), projected.SanctionRisk.Exposures.Select(e => e.Measure.Id));
    }
}
