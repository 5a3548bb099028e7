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
        Payload carried = payload ?? Factors.DefaultPayload;
        var legs = new List<LegEmissions>(route.Legs.Count);
        foreach (RouteLeg leg in route.Legs)
        {
            EmissionFactor factor = Factors.For(leg.Mode);
            legs.Add(new LegEmissions(leg.Link.Id, leg.Mode, leg.DistanceKm, factor, factor.KgPerKm(carried) * leg.DistanceKm));
        }

        return new RouteEmissions(carried, legs, legs.Sum(l => l.Co2eKg));
    }

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
