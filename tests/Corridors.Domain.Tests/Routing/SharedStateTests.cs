using System.Globalization;
using System.Text;
using Corridors.Domain.Network;
using Corridors.Domain.Risk;
using Corridors.Domain.Routing;
using Corridors.Domain.Scenarios;

namespace Corridors.Domain.Tests.Routing;

/// <summary>
/// The router shares state between queries (search spaces per date epoch, legs, footprints, workspaces): a router
/// that has answered many other queries, or answers them on many threads at once, answers each exactly as a router
/// that has answered nothing else. Every figure of every answer is compared, as text with round-trip doubles.
/// </summary>
public sealed class SharedStateTests
{
    private static readonly Lazy<CorridorRouter> Real = new(RouterFactory.Real);

    private static readonly string[] ScenarioIds = ["poland-belarus-border-closed", "red-sea-closed", "cku-open", "caspian-ferry-congestion"];

    [Fact]
    public void RouterWarmedByOtherQueries_AnswersLikeAFreshRouter()
    {
        CorridorRouter warm = new(Real.Value.Dataset, RouterFactory.Calendar, TestNetworks.Factory);
        List<Func<CorridorRouter, RouteQuery>> queries = RandomQueries(seed: 5, count: 40);
        List<string> warmAnswers = [.. queries.Select(q => Answer(warm, q(warm)))];

        for (int i = 0; i < queries.Count; i++)
        {
            CorridorRouter fresh = new(Real.Value.Dataset, RouterFactory.Calendar, TestNetworks.Factory);
            Assert.Equal(Answer(fresh, queries[i](fresh)), warmAnswers[i]);
        }
    }

    [Fact]
    public void ConcurrentQueries_OnOneRouter_AnswerAsOneAtATime()
    {
        CorridorRouter shared = new(Real.Value.Dataset, RouterFactory.Calendar, TestNetworks.Factory);
        CorridorRouter alone = new(Real.Value.Dataset, RouterFactory.Calendar, TestNetworks.Factory);
        List<Func<CorridorRouter, RouteQuery>> queries = RandomQueries(seed: 6, count: 32);
        string[] expected = [.. queries.Select(q => Answer(alone, q(alone)))];

        var actual = new string[queries.Count * 4];
        Parallel.For(0, actual.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
            actual[i] = Answer(shared, queries[i % queries.Count](shared)));

        for (int i = 0; i < actual.Length; i++)
        {
            Assert.Equal(expected[i % queries.Count], actual[i]);
        }
    }

    /// <summary>Queries over random places, dates (the days links open and measures start among them), constraints, objectives, scenarios and shippers.</summary>
    private static List<Func<CorridorRouter, RouteQuery>> RandomQueries(int seed, int count)
    {
        CorridorRouter router = Real.Value;
        var random = new Random(seed);
        Place[] places = [.. router.Network.Places.Where(p => p.Kind != PlaceKind.SeaWaypoint)];
        DateOnly[] days =
        [
            .. router.Network.Links.Select(l => l.Opens?.Date).OfType<DateOnly>(),
            .. router.Dataset.Sanctions.Measures.Select(m => m.EffectiveFrom),
            new(2025, 9, 12), new(2025, 9, 25), RouterFactory.Today,
        ];
        var queries = new List<Func<CorridorRouter, RouteQuery>>();
        while (queries.Count < count)
        {
            Place origin = queries.Count % 3 == 0 ? router.Network.GetPlace(new PlaceId("xian")) : places[random.Next(places.Length)];
            Place destination = places[random.Next(places.Length)];
            if (origin.Id == destination.Id)
            {
                continue;
            }

            DateOnly day = days[random.Next(days.Length)].AddDays(random.Next(3) - 1);
            string? scenarioId = random.Next(3) == 0 ? ScenarioIds[random.Next(ScenarioIds.Length)] : null;
            var constraints = new RouteConstraints
            {
                AsOf = day < router.Dataset.Sanctions.Coverage.From ? router.Dataset.Sanctions.Coverage.From : day,
                IncludePlanned = random.Next(4) == 0,
                AllowedOnly = random.Next(6) == 0,
                MaxBorderCrossings = random.Next(6) == 0 ? random.Next(2, 6) : null,
                AvoidCountries = random.Next(6) == 0 ? new HashSet<string> { "RU" } : new HashSet<string>(),
            };
            Objective objective = (Objective)random.Next(4);
            Regime[] regimes = random.Next(3) == 0 ? [Regime.US] : [Regime.EU];
            CargoClass cargo = random.Next(3) == 0 ? CargoClass.DualUse : CargoClass.General;
            queries.Add(r => new RouteQuery
            {
                Origin = origin.Id,
                Destination = destination.Id,
                Objective = objective,
                Constraints = constraints,
                Regimes = new HashSet<Regime>(regimes),
                Cargo = cargo,
                Scenario = scenarioId is null ? null : ScenarioOverlay.Compile(r.Dataset.Scenarios.Single(s => s.Id == scenarioId), 1, r.Graph, r.Dataset.Sanctions),
            });
        }

        return queries;
    }

    private static string Answer(CorridorRouter router, RouteQuery query)
    {
        var text = new StringBuilder();
        foreach (CorridorComparison comparison in router.Compare(query).Value!.Comparisons)
        {
            Write(text.Append(comparison.Corridor.Id).Append(": "), comparison.Answer);
        }

        RouteSet routes = router.FindRoutes(query, 1).Value!;
        Write(text.Append("best: "), routes.Answer);
        foreach (Route route in routes.Routes)
        {
            Write(text.Append("alternative: "), route);
        }

        return text.ToString();
    }

    private static void Write(StringBuilder text, RouteAnswer answer)
    {
        text.Append(CultureInfo.InvariantCulture, $"{answer.Outcome} {answer.OpensOn:O} {answer.Explanation} [{string.Join("; ", answer.Reasons)}]\n");
        if (answer.Route is { } route)
        {
            Write(text, route);
        }
    }

    private static void Write(StringBuilder text, Route route)
    {
        static string R(double value) => value.ToString("R", CultureInfo.InvariantCulture);
        text.Append(CultureInfo.InvariantCulture, $"{R(route.DistanceKm)} km {route.TransitDays} {route.BorderCrossings} {route.GaugeBreaks} ")
            .AppendJoin(",", route.ModeKm.Select(m => $"{m.Key}={R(m.Value)}")).Append(' ')
            .AppendJoin(",", route.Countries.Select(c => $"{c.CountryCode}={R(c.DistanceKm)}")).Append(' ')
            .AppendJoin(",", route.CorridorsUsed).Append(' ').AppendJoin("|", route.Notes).Append('\n');
        foreach (RouteLeg leg in route.Legs)
        {
            text.Append(CultureInfo.InvariantCulture, $"  {leg.Link.Id} {leg.Forward} {leg.MovingHours} ").AppendJoin(",", leg.Dwells.Select(d => $"{d.Place.Id}:{d.Kind}:{d.Dwell.Distribution}")).Append('\n');
        }

        RouteRisk risk = route.SanctionRisk!;
        text.Append(CultureInfo.InvariantCulture, $"  risk {R(risk.Score)} {risk.Verdict} {R(risk.ExposurePoints)} {risk.Perspective} {risk.Basis} ")
            .AppendJoin(",", risk.Exposures.Select(e => $"{e.Measure.Id}:{R(e.DistanceKm)}:{R(e.Days)}:{R(e.Points)}:{string.Join("/", e.Links)}:{string.Join("/", e.Places)}:{e.Assumption}"))
            .Append(CultureInfo.InvariantCulture, $" co2e {R(route.Emissions!.WtwKg)} {R(route.Emissions.TtwKg)} ").AppendJoin(",", route.Emissions.Legs.Select(l => R(l.WtwKg)))
            .Append(" factors ").AppendJoin(",", route.Emissions.Factors.Select(f => $"{f.Id}={f.ValueText}:{string.Join("/", f.SourceIds)}:{f.IsStandIn}"))
            .Append(CultureInfo.InvariantCulture, $" line {route.Geometry.NumPoints} {R(route.Geometry.Length)}\n");
    }
}
