using Corridors.Domain.Capacity;
using Corridors.Domain.Network;
using Corridors.Domain.Routing;
using Corridors.Domain.Tests.Routing;
using Xunit.Abstractions;

namespace Corridors.Domain.Tests.Capacity;

/// <summary>The shipped capacities and default volumes on the real network, on explicit as-of dates.</summary>
public sealed class RealCapacityTests(ITestOutputHelper output)
{
    private static readonly Lazy<CorridorRouter> Router = new(RouterFactory.Real);
    private static readonly DateOnly Mid2024 = new(2024, 6, 1);

    private static CapacityCatalog Catalog => Router.Value.Dataset.Capacities;

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

    private void Print(CapacityAnalysis a)
    {
        foreach (CorridorFlow c in a.Corridors)
        {
            output.WriteLine($"{c.Corridor} {c.TeuPerYear:N0} base {c.BaselineTeuPerYear:N0}");
        }

        foreach (BottleneckUse b in a.Bottlenecks)
        {
            output.WriteLine($"{b.Bottleneck.Id} load {b.LoadTeuPerYear:N0} cap {b.InForce?.TeuPerYear:N0} util {b.Utilisation:P1} binding {b.Binding} shadow {b.ShadowPriceDaysPerTeu:F3}");
        }

        foreach (RouteFlow r in a.Routes.Where(r => r.TeuPerYear > 0))
        {
            output.WriteLine($"{r.Pair.Origin}->{r.Pair.Destination} {r.Corridor} {r.Via} {r.CostPerTeuDays:F2} d {r.TeuPerYear:N0}");
        }

        foreach (UnservedVolume u in a.Unserved)
        {
            output.WriteLine($"UNSERVED {u.Pair.Origin}->{u.Pair.Destination} {u.TeuPerYear:N0}: {u.Reason}");
        }
    }

    [Fact]
    public void Mid2024_DefaultVolumes()
    {
        CapacityAnalysis a = Analyze(Mid2024);
        Print(a);
        CapacityAnalysis ru = Analyze(Mid2024, new RouteConstraints { AvoidCountries = new HashSet<string> { "RU" } });
        Print(ru);
    }
}
