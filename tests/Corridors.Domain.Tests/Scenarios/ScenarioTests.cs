using Corridors.Domain.Network;
using Corridors.Domain.Routing;
using Corridors.Domain.Scenarios;
using Corridors.Domain.Tests.Routing;

namespace Corridors.Domain.Tests.Scenarios;

/// <summary>The shipped scenarios and the overlay semantics, on the real data (issue "Scenarios").</summary>
public sealed class ScenarioTests
{
    private static readonly Lazy<CorridorRouter> Router = new(RouterFactory.Real);

    private static ScenarioOverlay Shipped(string id)
    {
        Scenario scenario = Router.Value.Dataset.Scenarios.Single(s => s.Id == id);
        return ScenarioOverlay.Compile(scenario, 1, Router.Value.Graph, Router.Value.Dataset.Sanctions);
    }

    private static RouteQuery Query(string from, string to, DateOnly asOf, ScenarioOverlay? scenario = null) =>
        new() { Origin = new PlaceId(from), Destination = new PlaceId(to), Scenario = scenario, Constraints = new RouteConstraints { AsOf = asOf } };

    private static RouteAnswer Corridor(CorridorComparisonSet set, string id) => set.Comparisons.Single(c => c.Corridor.Id.Value == id).Answer;

    [Fact]
    public void ShippedScenarios_AreTheFourOfTheIssue()
    {
        Assert.Equal(
            ["caspian-ferry-congestion", "cku-open", "poland-belarus-border-closed", "red-sea-closed"],
            Router.Value.Dataset.Scenarios.Select(s => s.Id));
        Assert.All(Router.Value.Dataset.Scenarios, s => Assert.NotEmpty(s.SourceIds));
    }

    [Fact]
    public void RedSeaClosed_SendsMaritimeRoundTheCape_SevenToFourteenDaysLater()
    {
        var asOf = new DateOnly(2024, 6, 1);
        ScenarioComparisonSet set = Router.Value.CompareWithBaseline(Query("shanghai", "rotterdam", asOf, Shipped("red-sea-closed"))).Value!;

        CorridorDelta maritime = set.Deltas.Single(d => d.Corridor.Id.Value == "maritime");
        Assert.Equal(RouteOutcome.Found, maritime.Scenario.Outcome);
        Assert.Contains(maritime.Scenario.Route!.Places, p => p.Id.Value == "cape-of-good-hope");
        Assert.DoesNotContain(maritime.Scenario.Route.Places, p => p.Id.Value == "bab-el-mandeb");
        Assert.InRange(maritime.DeltaP50Days!.Value, 7, 14);               // SEA-05, SEA-14
        Assert.InRange(maritime.DeltaDistanceKm!.Value / 1.852, 3_000, 4_000); // SEA-06: ~3,500 nm
        Assert.Equal(0, set.Deltas.Single(d => d.Corridor.Id.Value == "northern").DeltaDistanceKm!.Value, 1e-9);
    }

    [Fact]
    public void RedSeaClosedBeforeItsStartDate_ChangesNothing()
    {
        ScenarioComparisonSet set = Router.Value.CompareWithBaseline(Query("shanghai", "rotterdam", new DateOnly(2023, 6, 1), Shipped("red-sea-closed"))).Value!;

        Assert.All(set.Deltas, d => Assert.Equal(0, d.DeltaP50Days!.Value, 1e-9));
    }

    [Fact]
    public void PolandBelarusClosure_MakesNorthernInfeasibleInItsDateRangeOnly()
    {
        ScenarioOverlay closed = Shipped("poland-belarus-border-closed");
        CorridorComparisonSet during = Router.Value.Compare(Query("xian", "duisburg", new DateOnly(2025, 9, 15), closed)).Value!;
        CorridorComparisonSet lastDay = Router.Value.Compare(Query("xian", "duisburg", new DateOnly(2025, 9, 24), closed)).Value!;
        CorridorComparisonSet after = Router.Value.Compare(Query("xian", "duisburg", new DateOnly(2025, 9, 25), closed)).Value!;

        RouteAnswer northern = Corridor(during, "northern");
        Assert.Equal(RouteOutcome.Infeasible, northern.Outcome);
        Infeasibility reason = Assert.Single(northern.Reasons);
        Assert.Equal(ConstraintKind.ScenarioClosure, reason.Constraint);
        Assert.Equal("scenario 'poland-belarus-border-closed' closing brest-malaszewicze (2025-09-12 – 2025-09-25)", reason.Message);
        Assert.Equal(RouteOutcome.Infeasible, Corridor(lastDay, "northern").Outcome);
        Assert.Equal(RouteOutcome.Found, Corridor(after, "northern").Outcome);
        Assert.Equal(RouteOutcome.Found, Corridor(during, "middle").Outcome);
    }

    [Fact]
    public void CaspianCongestion_AddsTheLongerFerryWaitToTheMiddleCorridorOnly()
    {
        ScenarioComparisonSet set = Router.Value.CompareWithBaseline(Query("xian", "duisburg", new DateOnly(2026, 1, 1), Shipped("caspian-ferry-congestion"))).Value!;

        // The congested wait is symmetric (7 / 10.5 / 14 days): its median is 252 h; the baseline's is the median of (48, 72, 336).
        CorridorDelta middle = set.Deltas.Single(d => d.Corridor.Id.Value == "middle");
        double baselineWaitHours = Corridors.Domain.TransitTime.Pert.Of(48, 72, 336).P50;
        Assert.Equal((252.0 - baselineWaitHours) / 24, middle.DeltaP50Days!.Value, 1e-6);
        Assert.Contains(middle.Scenario.Route!.Dwells, d => d.Kind == DwellKind.FerryWait && d.Hours.Typical == 252);
        Assert.Equal(0, set.Deltas.Single(d => d.Corridor.Id.Value == "northern").DeltaP50Days!.Value, 1e-9);
    }

    [Fact]
    public void CkuOpen_LetsRailRunKashgarToAndijanToday()
    {
        var railOnly = new RouteConstraints { AsOf = new DateOnly(2026, 11, 29), AvoidModes = new HashSet<TransportMode> { TransportMode.Road } };
        RouteQuery query = Query("kashgar", "andijan", new DateOnly(2026, 11, 29)) with { Constraints = railOnly };

        RouteAnswer baseline = Corridor(Router.Value.Compare(query).Value!, "cku");
        RouteAnswer opened = Corridor(Router.Value.Compare(query with { Scenario = Shipped("cku-open") }).Value!, "cku");

        Assert.Equal(RouteOutcome.NotYetOpen, baseline.Outcome);
        Assert.Equal(RouteOutcome.Found, opened.Outcome);
        Assert.InRange(opened.Route!.DistanceKm, 575 * 0.95, 575 * 1.05); // CKU-05/06/07
        Assert.Equal(1, opened.Route.GaugeBreaks);                        // Makmal (CKU-06)
    }

    [Fact]
    public void Overlays_NeverTouchTheBaseline_AndRunConcurrently()
    {
        var asOf = new DateOnly(2025, 9, 15);
        Route before = Corridor(Router.Value.Compare(Query("xian", "duisburg", asOf)).Value!, "northern").Route!;
        ScenarioOverlay closed = Shipped("poland-belarus-border-closed");
        ScenarioOverlay congested = Shipped("caspian-ferry-congestion");

        var results = new System.Collections.Concurrent.ConcurrentBag<(string Scenario, RouteOutcome Northern, double MiddleP50)>();
        Parallel.For(0, 40, i =>
        {
            ScenarioOverlay? overlay = (i % 3) switch { 0 => closed, 1 => congested, _ => null };
            CorridorComparisonSet set = Router.Value.Compare(Query("xian", "duisburg", asOf, overlay)).Value!;
            results.Add((overlay?.Scenario!.Id ?? "baseline", Corridor(set, "northern").Outcome, Corridor(set, "middle").Route!.TransitDays.P50));
        });

        Assert.All(results.Where(r => r.Scenario == "poland-belarus-border-closed"), r => Assert.Equal(RouteOutcome.Infeasible, r.Northern));
        Assert.All(results.Where(r => r.Scenario != "poland-belarus-border-closed"), r => Assert.Equal(RouteOutcome.Found, r.Northern));
        Assert.Single(results.Where(r => r.Scenario == "caspian-ferry-congestion").Select(r => r.MiddleP50).Distinct());
        Assert.True(results.First(r => r.Scenario == "caspian-ferry-congestion").MiddleP50 > results.First(r => r.Scenario == "baseline").MiddleP50);
        Route after = Corridor(Router.Value.Compare(Query("xian", "duisburg", asOf)).Value!, "northern").Route!;
        Assert.Equal(before.TransitDays, after.TransitDays);
        Assert.Equal(before.DistanceKm, after.DistanceKm);
    }

    [Theory]
    [InlineData("""{"id":"x","name":"x","changes":[{"type":"close-link","link":"no-such-link"}]}""", "changes[0].link", "unknown link 'no-such-link'")]
    [InlineData("""{"id":"x","name":"x","changes":[{"type":"close-place","place":"atlantis"}]}""", "changes[0].place", "unknown place 'atlantis'")]
    [InlineData("""{"id":"x","name":"x","changes":[{"type":"close-link","link":"brest-malaszewicze","from":"2025-09-25","to":"2025-09-12"}]}""", "changes[0].to", "2025-09-12 is not after from 2025-09-25")]
    [InlineData("""{"id":"x","name":"x","changes":[{"type":"open-link","link":"kashgar-torugart-rail"},{"type":"close-link","link":"kashgar-torugart-rail"}]}""", "changes", "link 'kashgar-torugart-rail' is both opened and closed")]
    [InlineData("""{"id":"x","name":"x","changes":[{"type":"open-link","link":"brest-malaszewicze"}]}""", "changes[0].link", "link 'brest-malaszewicze' is already operational")]
    [InlineData("""{"id":"x","name":"x","changes":[{"type":"lift-measure","measure":"NOPE"}]}""", "changes[0].measure", "unknown measure 'NOPE'")]
    [InlineData("""{"id":"x","name":"x","changes":[{"type":"teleport"}]}""", "changes[0].type", "unknown change type 'teleport'; known: close-place, close-link, set-dwell, set-link-speed, open-link, lift-measure, redate-measure, add-measure")]
    [InlineData("""{"id":"Bad Id","name":"x","changes":[{"type":"close-place","place":"suez"}]}""", "id", "'Bad Id' is not an id: lowercase letters and digits joined by '-', at most 64 characters")]
    [InlineData("""{"id":"x","name":"x","changes":[]}""", "changes", "a scenario needs at least one change")]
    [InlineData("""{"id":"x","name":"x","changes":[{"type":"set-dwell","place":"aktau","kind":"ferry-wait","minHours":300,"typicalHours":200,"maxHours":400,"sources":["MC-18"]}]}""", "changes[0]", "needs 0 < minHours ≤ typicalHours ≤ maxHours, got 300 / 200 / 400")]
    [InlineData("""{"id":"x","name":"x","changes":[{"type":"set-dwell","place":"aktau","kind":"ferry-wait","minHours":1,"typicalHours":2,"maxHours":3}]}""", "changes[0]", "a figure needs 'sources' or 'derived' (how it was obtained)")]
    [InlineData("""not json""", "definition", "not valid JSON: ")]
    public void BadScenario_IsRefusedWithThePreciseField(string json, string field, string messageStart)
    {
        var result = Router.Value.CompileScenario(json, 1);

        Assert.False(result.IsSuccess);
        Assert.Contains(result.Errors, e => e.Field == field && e.Message.StartsWith(messageStart, StringComparison.Ordinal));
    }

    [Fact]
    public void OversizedScenario_IsRefusedBeforeParsing()
    {
        string json = "{\"id\":\"x\",\"name\":\"" + new string('a', ScenarioJson.MaxDocumentBytes) + "\",\"changes\":[]}";

        QueryError error = Assert.Single(Router.Value.CompileScenario(json, 1).Errors);

        Assert.Equal("definition", error.Field);
        Assert.EndsWith($"bytes; the maximum is {ScenarioJson.MaxDocumentBytes}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ScenarioDocument_RoundTrips()
    {
        foreach (Scenario scenario in Router.Value.Dataset.Scenarios)
        {
            string json = ScenarioJson.Write(scenario);
            Scenario again = ScenarioJson.Parse(json, Router.Value.Network, Router.Value.Dataset.Sanctions).Value!;
            Assert.Equal(json, ScenarioJson.Write(again));
        }
    }
}
