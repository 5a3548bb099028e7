using Corridors.Domain.Network;
using Corridors.Domain.Routing;

namespace Corridors.Domain.Emissions;

/// <summary>The CO2e of one leg: factor × payload × km.</summary>
public sealed record LegEmissions(LinkId Link, TransportMode Mode, double DistanceKm, EmissionFactor Factor, double Co2eKg);

/// <summary>The CO2e of a route for a payload: per leg and in total.</summary>
public sealed record RouteEmissions(Payload Payload, IReadOnlyList<LegEmissions> Legs, double TotalCo2eKg)
{
    /// <summary>True when any leg used a stand-in factor (not a GLEC/ISO 14083 value for its use).</summary>
    public bool UsesStandIns => Legs.Any(l => l.Factor.IsStandIn);
}

/// <summary>
/// ISO 14083-style estimate of a route's greenhouse-gas emissions (kg CO2e): for each leg, the factor of its mode
/// times the payload (tonnes, or TEU for per-TEU factors) times the leg's km. Hub and terminal emissions (dwells)
/// are not counted. Not a certified figure; method in <c>networks/README.md</c>, "Emission factors".
/// </summary>
public sealed class Co2eEstimator
{
    private DefaultLegs? _defaultLegs;

    public Co2eEstimator(EmissionFactorSet factors)
    {
        ArgumentNullException.ThrowIfNull(factors);
        Factors = factors;
    }

    public EmissionFactorSet Factors { get; }

    /// <param name="payload">What is carried; the file's default (one 40-foot container) when null.</param>
    public RouteEmissions Estimate(Route route, Payload? payload = null)
    {
        ArgumentNullException.ThrowIfNull(route);
        return EstimateLegs(route.Legs, payload ?? Factors.DefaultPayload);
    }

    private RouteEmissions EstimateLegs(IReadOnlyList<RouteLeg> routeLegs, Payload carried)
    {
        var legs = new List<LegEmissions>(routeLegs.Count);
        foreach (RouteLeg leg in routeLegs)
        {
            EmissionFactor factor = Factors.For(leg.Mode);
            legs.Add(new LegEmissions(leg.Link.Id, leg.Mode, leg.DistanceKm, factor, factor.KgPerKm(carried) * leg.DistanceKm));
        }

        return new RouteEmissions(carried, legs, legs.Sum(l => l.Co2eKg));
    }

    /// <summary>
    /// <see cref="Estimate(Route, Payload?)"/> for a route with these <paramref name="routeLegs"/>, built from
    /// <paramref name="edges"/> of <paramref name="graph"/>: for the default payload (nearly every query) each
    /// link's leg estimate is worked out once and shared, as the figures are immutable; the total is summed leg by
    /// leg in the same order.
    /// </summary>
    internal RouteEmissions Estimate(IReadOnlyList<RouteLeg> routeLegs, Payload? payload, RoutingGraph graph, int[] edges)
    {
        if (payload is not null && !ReferenceEquals(payload, Factors.DefaultPayload))
        {
            return EstimateLegs(routeLegs, payload);
        }

        LegEmissions[] byLink = DefaultLegsOn(graph);
        var legs = new LegEmissions[edges.Length];
        double total = 0;
        for (int i = 0; i < legs.Length; i++)
        {
            legs[i] = byLink[graph.EdgeLinkIndex(edges[i])];
            total += legs[i].Co2eKg;
        }

        return new RouteEmissions(Factors.DefaultPayload, legs, total);
    }

    /// <summary>Each link's leg estimate for the default payload, indexed like the graph's links; built on first use.</summary>
    private LegEmissions[] DefaultLegsOn(RoutingGraph graph)
    {
        DefaultLegs? known = Volatile.Read(ref _defaultLegs);
        if (known is not null && ReferenceEquals(known.Graph, graph))
        {
            return known.ByLink;
        }

        Payload carried = Factors.DefaultPayload;
        LegEmissions[] built = [.. graph.Network.Links.Select(link =>
        {
            EmissionFactor factor = Factors.For(link.Mode);
            return new LegEmissions(link.Id, link.Mode, link.DistanceKm.Value, factor, factor.KgPerKm(carried) * link.DistanceKm.Value);
        })];
        Interlocked.CompareExchange(ref _defaultLegs, new DefaultLegs(graph, built), known);
        return built;
    }

    private sealed record DefaultLegs(RoutingGraph Graph, LegEmissions[] ByLink);

    /// <summary>
    /// Lowest-CO2e routing: each directed edge costs the kg CO2e of its link for the payload; places cost nothing.
    /// Non-negative and additive; the summed cost of a route equals <see cref="RouteEmissions.TotalCo2eKg"/>.
    /// </summary>
    public IRouteCost CostFor(RoutingGraph graph, Payload? payload = null)
    {
        ArgumentNullException.ThrowIfNull(graph);
        Payload carried = payload ?? Factors.DefaultPayload;
        double[] kgPerLink = [.. graph.Network.Links.Select(l => Factors.For(l.Mode).KgPerKm(carried) * l.DistanceKm.Value)];
        return new Co2eCost(graph, kgPerLink);
    }

    private sealed class Co2eCost(RoutingGraph graph, double[] kgPerLink) : ITransitionFreeCost
    {
        public double EdgeCost(int edge) => kgPerLink[graph.EdgeLinkIndex(edge)];

        public double TransitionCost(int inEdge, int node, int outEdge) => 0;
    }
}
