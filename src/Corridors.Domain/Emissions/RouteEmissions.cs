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
    /// <summary>True when a factor is a stand-in or the traction is assumed (legs are shared, so it is derived once).</summary>
    public bool UsesStandIns { get; } = Factors.Any(f => f.IsStandIn) || TractionSourceIds.Any(s => s.StartsWith("A-", StringComparison.Ordinal));
}

/// <summary>The CO2e of one hub activity for the container.</summary>
public sealed record HubEmissions(Place Place, HubKind Kind, double WtwKg, double TtwKg, AppliedFactor Factor);

/// <summary>
/// The CO2e of a route for a payload: per leg and hub, in total, well-to-wheel (what ISO 14083 reports) with
/// tank-to-wheel beside it. The totals, basis and factor list are derived on first read and kept (an answer reads them
/// several times); it is never copied with changed legs or hubs.
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
    private Derived? _derived;

    public double LineHaulWtwKg => Figures.LineHaulWtwKg;

    public double HubWtwKg => Figures.HubWtwKg;

    /// <summary>Well-to-wheel total: line haul and hubs.</summary>
    public double WtwKg => LineHaulWtwKg + HubWtwKg;

    /// <summary>Tank-to-wheel total: line haul and hubs (electric traction counts 0).</summary>
    public double TtwKg => Figures.TtwKg;

    /// <summary>True when any leg or hub used a stand-in factor or an assumed traction.</summary>
    public bool UsesStandIns => Figures.UsesStandIns;

    public Co2eBasis Basis => Figures.Basis;

    /// <summary>Every factor used, once each, in order of first use.</summary>
    public IReadOnlyList<AppliedFactor> Factors => Figures.Factors;

    /// <summary>Derived on first read (a route used only for its cost never needs them); a race derives them twice, alike.</summary>
    private Derived Figures => _derived ??= new Derived(Legs, Hubs);

    private sealed class Derived(IReadOnlyList<LegEmissions> legs, IReadOnlyList<HubEmissions> hubs)
    {
        public double LineHaulWtwKg { get; } = legs.Sum(l => l.WtwKg);

        public double HubWtwKg { get; } = hubs.Sum(h => h.WtwKg);

        public double TtwKg { get; } = legs.Sum(l => l.TtwKg) + hubs.Sum(h => h.TtwKg);

        public bool UsesStandIns { get; } = legs.Any(l => l.UsesStandIns) || hubs.Any(h => h.Factor.IsStandIn);

        public Co2eBasis Basis { get; } = legs.Select(l => l.Basis).Distinct().ToList() is { Count: 1 } one ? one[0] : Co2eBasis.Mixed;

        public IReadOnlyList<AppliedFactor> Factors { get; } = [.. legs.SelectMany(l => l.Factors).Concat(hubs.Select(h => h.Factor)).DistinctBy(f => f.Id)];
    }
}
