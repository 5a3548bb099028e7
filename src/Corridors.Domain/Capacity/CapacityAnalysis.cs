using Corridors.Domain.Network;
using Corridors.Domain.Routing;

namespace Corridors.Domain.Capacity;

/// <summary>What a capacity analysis is asked: the volumes and how routes are costed; places, date and perspective come from <see cref="Template"/>.</summary>
/// <param name="Template">
/// The route query every pair is asked with (its origin and destination are replaced per pair): as-of date (must be
/// set), perspective, constraints such as allowed-only, and the scenario.
/// </param>
/// <param name="Volumes">Origin–destination volumes in TEU per year.</param>
/// <param name="RiskPenaltyDaysPer100Points">Days added to a route's cost per TEU per 100 points of sanction risk score (0: none).</param>
public sealed record CapacityQuery(RouteQuery Template, IReadOnlyList<OdVolume> Volumes, double RiskPenaltyDaysPer100Points)
{
    /// <summary>True when the answer differs from the plain baseline by choice: a scenario or constraints of the user's own.</summary>
    public bool DivertsFromBaseline => Template.Scenario is not null || Template.Constraints.HasUserConstraints;
}

/// <summary>Volume assigned to one route of one pair.</summary>
/// <param name="CostPerTeuDays">P50 transit days plus the risk penalty in days.</param>
/// <param name="BottleneckIds">The bottlenecks with a capacity in force that the route loads, ordinal order.</param>
public sealed record RouteFlow(OdVolume Pair, CorridorId Corridor, Route Route, double CostPerTeuDays, double TeuPerYear, IReadOnlyList<string> BottleneckIds)
{
    /// <summary>The places where the route stops (dwells) between its ends, as the comparison table shows them.</summary>
    public string Via => string.Join(" > ", Route.Legs.Skip(1).Where(l => l.DwellHours > 0).Select(l => l.From.Name));
}

/// <summary>Volume per corridor; with a scenario or the user's own constraints also the baseline's and the difference.</summary>
public sealed record CorridorFlow(CorridorId Corridor, double TeuPerYear, double? BaselineTeuPerYear)
{
    /// <summary>Scenario − baseline (positive: volume diverted onto the corridor); null without a baseline.</summary>
    public double? DivertedTeuPerYear => BaselineTeuPerYear is { } b ? TeuPerYear - b : null;
}

/// <summary>
/// A bottleneck's load on the as-of date. <see cref="ShadowPriceDaysPerTeu"/> is the LP dual: TEU-days saved per year
/// by one more TEU/yr of capacity; <see cref="ShadowPriceDaysPerTrainPerDay"/> the same for one more train per day.
/// </summary>
/// <param name="AgainstUnservedPenalty">
/// True when volume that loads this bottleneck is left unserved: the shadow price is then measured against the
/// unserved penalty rather than against another route.
/// </param>
public sealed record BottleneckUse(
    Bottleneck Bottleneck,
    CapacityPeriod? InForce,
    double LoadTeuPerYear,
    bool Binding,
    double ShadowPriceDaysPerTeu,
    double ShadowPriceDaysPerTrainPerDay,
    bool AgainstUnservedPenalty)
{
    /// <summary>Load ÷ capacity, or null when no capacity is in force on the date.</summary>
    public double? Utilisation => InForce is { } p ? LoadTeuPerYear / p.TeuPerYear : null;
}

/// <summary>Volume of a pair that could not be served, and why.</summary>
public sealed record UnservedVolume(OdVolume Pair, double TeuPerYear, string Reason);

/// <summary>The answer of a capacity analysis.</summary>
/// <param name="UnservedCostPerTeuDays">The penalty per unserved TEU (twice the dearest route of the problem).</param>
/// <param name="TotalCostTeuDays">Σ flow × cost per TEU over the routes (unserved volume not included).</param>
public sealed record CapacityAnalysis(
    DateOnly AsOf,
    IReadOnlyList<OdVolume> Volumes,
    IReadOnlyList<RouteFlow> Routes,
    IReadOnlyList<CorridorFlow> Corridors,
    IReadOnlyList<BottleneckUse> Bottlenecks,
    IReadOnlyList<UnservedVolume> Unserved,
    double TotalCostTeuDays,
    double UnservedCostPerTeuDays,
    double RiskPenaltyDaysPer100Points,
    bool HasBaseline);
