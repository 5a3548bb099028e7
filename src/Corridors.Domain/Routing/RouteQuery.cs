using Corridors.Domain.Emissions;
using Corridors.Domain.Network;
using Corridors.Domain.Risk;

namespace Corridors.Domain.Routing;

/// <summary>What a route is optimised for.</summary>
public enum Objective
{
    /// <summary>Lowest expected transit time (P50).</summary>
    Fastest,

    /// <summary>Shortest distance in km.</summary>
    ShortestDistance,

    /// <summary>Lowest sanction exposure for the query's shipper (see networks/sanctions/README.md).</summary>
    LowestRisk,

    /// <summary>Lowest CO2e for the query's payload (see networks/README.md, "Emission factors").</summary>
    LowestCo2e,
}

/// <summary>An origin–destination query: places already resolved to ids, an objective and hard constraints.</summary>
public sealed record RouteQuery
{
    public required PlaceId Origin { get; init; }

    public required PlaceId Destination { get; init; }

    public Objective Objective { get; init; } = Objective.Fastest;

    public RouteConstraints Constraints { get; init; } = new();

    /// <summary>Sanction regimes that bind the shipper; empty means none. Default: EU.</summary>
    public IReadOnlySet<Regime> Regimes { get; init; } = new HashSet<Regime> { Regime.EU };

    /// <summary>What is shipped; some measures touch only some cargo classes. Default: general cargo.</summary>
    public CargoClass Cargo { get; init; } = CargoClass.General;

    /// <summary>The scenario to answer under (compiled with <see cref="CorridorRouter.CompileScenario"/>); null for the baseline.</summary>
    public Scenarios.ScenarioOverlay? Scenario { get; init; }

    /// <summary>Payload for CO2e; null means the data's default (one 40-foot container).</summary>
    public Payload? Payload { get; init; }

    /// <summary>Choices about the CO2e estimate (the Cape speed uplift); null means none.</summary>
    public Co2eOptions? Co2eOptions { get; init; }

    /// <summary>The shipper's perspective on the query's as-of date (which must be set).</summary>
    public Perspective Perspective => new(Regimes, Cargo, Constraints.AsOf ?? throw new InvalidOperationException("AsOf is not set.")) { HsCode = HsCode };

    /// <summary>The cargo's HS code, when given: measures on goods lists it falls under apply (see <see cref="Risk.GoodsList"/>).</summary>
    public Risk.HsCode? HsCode { get; init; }
}
