using Corridors.Domain.Network;

namespace Corridors.Domain.Emissions;

/// <summary>How a CO2e figure was made.</summary>
public enum Co2eBasis
{
    /// <summary>Fuel-based factors giving well-to-wheel and tank-to-wheel.</summary>
    Fuel,

    /// <summary>Traction energy × lifecycle grid intensity (WTW); tank-to-wheel 0.</summary>
    ElectricGrid,

    /// <summary>A route whose legs use both.</summary>
    Mixed,
}

/// <summary>A factor as applied, for the answer: its id, value, sources and whether it is a stand-in.</summary>
/// <param name="Id">A factor id (<c>rail-diesel</c>) or a grid intensity (<c>grid-CN-2024</c>).</param>
public sealed record AppliedFactor(string Id, string ValueText, IReadOnlyList<string> SourceIds, bool IsStandIn)
{
    public static AppliedFactor Of(EmissionFactor factor)
    {
        ArgumentNullException.ThrowIfNull(factor);
        return new AppliedFactor(factor.Id, factor.ValueText, factor.SourceIds, factor.IsStandIn);
    }
}

/// <summary>The CO2e of one leg, well-to-wheel and tank-to-wheel, with the factors that made it.</summary>
/// <param name="Traction">For a rail leg, the traction on the as-of date (diesel when the link has no tag); null otherwise.</param>
/// <param name="TractionSourceIds">Where the traction comes from; <c>A-TRACTION-DEFAULT</c> when the link has no tag.</param>
public sealed record LegEmissions(
    LinkId Link,
    TransportMode Mode,
    double DistanceKm,
    double WtwKg,
    double TtwKg,
    Co2eBasis Basis,
    IReadOnlyList<AppliedFactor> Factors,
    TractionKind? Traction,
    IReadOnlyList<string> TractionSourceIds)
{
    /// <summary>True when a factor is a stand-in or the traction is assumed.</summary>
    public bool UsesStandIns => Factors.Any(f => f.IsStandIn) || TractionSourceIds.Any(s => s.StartsWith("A-", StringComparison.Ordinal));
}

/// <summary>The CO2e of one hub activity for the container.</summary>
public sealed record HubEmissions(Place Place, HubKind Kind, double WtwKg, double TtwKg, AppliedFactor Factor);

/// <summary>
/// The CO2e of a route for a payload: per leg and hub, in total, well-to-wheel (what ISO 14083 reports) with
/// tank-to-wheel beside it.
/// </summary>
/// <param name="GridYear">The year of the grid intensities used for electric traction (the as-of year, or the nearest in the data).</param>
/// <param name="Notes">What the figures rest on beyond published factors: untagged links, years substituted, lanes chosen, options.</param>
public sealed record RouteEmissions(
    Payload Payload,
    int GridYear,
    IReadOnlyList<LegEmissions> Legs,
    IReadOnlyList<HubEmissions> Hubs,
    IReadOnlyList<string> Notes)
{
    public double LineHaulWtwKg => Legs.Sum(l => l.WtwKg);

    public double HubWtwKg => Hubs.Sum(h => h.WtwKg);

    /// <summary>Well-to-wheel total: line haul and hubs.</summary>
    public double WtwKg => LineHaulWtwKg + HubWtwKg;

    /// <summary>Tank-to-wheel total: line haul and hubs (electric traction counts 0).</summary>
    public double TtwKg => Legs.Sum(l => l.TtwKg) + Hubs.Sum(h => h.TtwKg);

    /// <summary>True when any leg or hub used a stand-in factor or an assumed traction.</summary>
    public bool UsesStandIns => Legs.Any(l => l.UsesStandIns) || Hubs.Any(h => h.Factor.IsStandIn);

    public Co2eBasis Basis =>
        Legs.Select(l => l.Basis).Distinct().ToList() is { Count: 1 } one ? one[0] : Co2eBasis.Mixed;

    /// <summary>Every factor used, once each, in order of first use.</summary>
    public IReadOnlyList<AppliedFactor> Factors =>
        [.. Legs.SelectMany(l => l.Factors).Concat(Hubs.Select(h => h.Factor)).DistinctBy(f => f.Id)];
}
