using Corridors.Domain.Network;
using Corridors.Domain.Routing;

namespace Corridors.Domain.Tests.Routing;

/// <summary>Invariants that hold for every query on seeded random networks.</summary>
public class PropertyTests
{
    public static TheoryData<int> Seeds()
    {
        var data = new TheoryData<int>();
        for (int seed = 100; seed < 140; seed++)
        {
            data.Add(seed);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void RandomConstraints_AreNeverViolated(int seed)
    {
        var network = TestNetworks.Random(seed);
        var router = RouterFactory.Create(network);
        var random = new Random(seed);
        string[] countries = ["AA", "BB", "CC", "DD"];
        for (int q = 0; q < 8; q++)
        {
            var constraints = new RouteConstraints
            {
                AvoidCountries = random.Next(2) == 0 ? new HashSet<string> { countries[1 + random.Next(2)] } : new HashSet<string>(),
                AvoidModes = random.Next(2) == 0 ? new HashSet<TransportMode> { (TransportMode)random.Next(4) } : new HashSet<TransportMode>(),
                AvoidPlaces = new HashSet<PlaceId> { network.Places[1 + random.Next(network.Places.Count - 2)].Id },
                MaxBorderCrossings = random.Next(3) == 0 ? random.Next(3) : null,
                Corridor = random.Next(2) == 0 ? new CorridorId("north") : null,
            };
            RouteAnswer answer = router.FindBest(RouterFactory.Query("p00", $"p{network.Places.Count - 1:D2}", constraints: constraints)).Value!;
            if (answer.Outcome != RouteOutcome.Found)
            {
                Assert.Contains(answer.Outcome, new[] { RouteOutcome.Infeasible, RouteOutcome.NoPath });
                Assert.Null(answer.Route);
                if (answer.Outcome == RouteOutcome.Infeasible)
                {
                    Assert.NotEmpty(answer.Reasons);
                }

                continue;
            }

            Route route = answer.Route!;
            Assert.DoesNotContain(route.Legs, l => l.Link.Countries.Any(constraints.AvoidCountries.Contains));
            Assert.DoesNotContain(route.Places, p => constraints.AvoidCountries.Contains(p.CountryCode));
            Assert.DoesNotContain(route.Legs, l => constraints.AvoidModes.Contains(l.Mode));
            Assert.DoesNotContain(route.Places, p => constraints.AvoidPlaces.Contains(p.Id));
            if (constraints.MaxBorderCrossings is { } cap)
            {
                Assert.True(route.BorderCrossings <= cap, $"{route.BorderCrossings} crossings > cap {cap}");
            }

            if (constraints.Corridor is { } corridor)
            {
                Assert.All(route.Legs, l => Assert.True(l.Link.IsAccess || l.Link.BelongsTo(corridor)));
                Assert.Contains(route.Legs, l => l.Link.BelongsTo(corridor));
            }
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void ClosingALinkOfTheOptimum_NeverShortensIt(int seed)
    {
        var network = TestNetworks.Random(seed);
        var router = RouterFactory.Create(network);
        foreach (Objective objective in new[] { Objective.Fastest, Objective.ShortestDistance })
        {
            RouteQuery query = RouterFactory.Query("p00", $"p{network.Places.Count - 1:D2}", objective);
            Route best = router.FindBest(query).Value!.Route!;
            foreach (RouteLeg leg in best.Legs)
            {
                RouteQuery closed = query with { Constraints = new RouteConstraints { AvoidLinks = new HashSet<LinkId> { leg.Link.Id } } };
                RouteAnswer answer = router.FindBest(closed).Value!;
                if (answer.Route is { } detour)
                {
                    Assert.DoesNotContain(detour.Legs, l => l.Link.Id == leg.Link.Id);
                    Assert.True(Value(detour, objective) >= Value(best, objective) - 1e-9);
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void TransitPercentiles_AreOrderedAndWithinTheSumsOfMinimaAndMaxima(int seed)
    {
        var network = TestNetworks.Random(seed);
        var router = RouterFactory.Create(network);
        for (int d = 1; d < network.Places.Count; d += 3)
        {
            Route route = router.FindBest(RouterFactory.Query("p00", $"p{d:D2}")).Value!.Route!;
            var t = route.TransitDays;
            double minDays = (route.Legs.Sum(l => l.MovingHours.Min) + route.Dwells.Sum(x => x.Hours.Min)) / 24;
            double maxDays = (route.Legs.Sum(l => l.MovingHours.Max) + route.Dwells.Sum(x => x.Hours.Max)) / 24;
            Assert.InRange(t.P10, minDays - 1e-9, t.P50);
            Assert.InRange(t.P50, t.P10, t.P90);
            Assert.InRange(t.P90, t.P50, maxDays + 1e-9);
            Assert.Equal((route.Legs.Sum(l => l.P50Hours) + route.Legs.Sum(l => l.DwellHours)) / 24, t.P50, 1e-9);
            Assert.Equal(route.DistanceKm, route.Countries.Sum(c => c.DistanceKm), 1e-6);
            Assert.Equal(route.DistanceKm, route.ModeKm.Values.Sum(), 1e-6);
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void ParetoFront_IsMutuallyNonDominatedAndHoldsEachSingleObjectiveOptimum(int seed)
    {
        var network = TestNetworks.Random(seed);
        var router = RouterFactory.Create(network);
        RouteQuery query = RouterFactory.Query("p00", $"p{network.Places.Count - 1:D2}");
        ParetoFront front = router.FindPareto(query).Value!;
        Assert.NotEmpty(front.Routes);
        foreach (ParetoRoute a in front.Routes)
        {
            foreach (ParetoRoute b in front.Routes.Where(b => !ReferenceEquals(a, b)))
            {
                bool dominates = a.CriteriaValues.Zip(b.CriteriaValues).All(p => p.First <= p.Second)
                                 && a.CriteriaValues.Zip(b.CriteriaValues).Any(p => p.First < p.Second);
                Assert.False(dominates, "a front member dominates another");
            }
        }

        double fastestHours = router.FindBest(query).Value!.Route!.TransitDays.P50 * 24;
        double shortestKm = router.FindBest(query with { Objective = Objective.ShortestDistance }).Value!.Route!.DistanceKm;
        Assert.Equal(fastestHours, front.Routes.Min(r => r.CriteriaValues[0]), 1e-6);
        Assert.Equal(shortestKm, front.Routes.Min(r => r.CriteriaValues[1]), 1e-6);
        Assert.All(front.Routes, r => Assert.Equal(r.Route.DistanceKm, r.CriteriaValues[1], 1e-6));
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void SameQuery_GivesTheSameRoute(int seed)
    {
        var network = TestNetworks.Random(seed);
        RouteQuery query = RouterFactory.Query("p00", $"p{network.Places.Count - 1:D2}");
        var first = RouterFactory.Create(network).FindRoutes(query, 3).Value!;
        var second = RouterFactory.Create(network).FindRoutes(query, 3).Value!;
        Assert.Equal(
            first.Routes.Select(r => string.Join(">", r.Legs.Select(l => l.Link.Id.Value))),
            second.Routes.Select(r => string.Join(">", r.Legs.Select(l => l.Link.Id.Value))));
    }

    private static double Value(Route route, Objective objective) =>
        objective == Objective.Fastest ? route.TransitDays.P50 : route.DistanceKm;
}
