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

    /// <summary>
    /// True for figures the estimator keeps and shares between routes and answers (the default payload's); false for
    /// figures worked out for one query (another payload), which nothing should keep.
    /// </summary>
    public bool Kept { get; init; }
}

/// <summary>The CO2e of one hub activity for the container.</summary>
public sealed record HubEmissions(Place Place, HubKind Kind, double WtwKg, double TtwKg, AppliedFactor Factor)
{
    /// <summary>As <see cref="LegEmissions.Kept"/>: true for the default payload's figures, which the estimator shares.</summary>
    public bool Kept { get; init; }
}

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
    private IReadOnlyList<AppliedFactor>? _factors;

    public double LineHaulWtwKg => Figures.LineHaulWtwKg;

    public double HubWtwKg => Figures.HubWtwKg;

    /// <summary>Well-to-wheel total: line haul and hubs.</summary>
    public double WtwKg => LineHaulWtwKg + HubWtwKg;

    /// <summary>Tank-to-wheel total: line haul and hubs (electric traction counts 0).</summary>
    public double TtwKg => Figures.TtwKg;

    /// <summary>True when any leg or hub used a stand-in factor or an assumed traction.</summary>
    public bool UsesStandIns => Figures.UsesStandIns;

    public Co2eBasis Basis => Figures.Basis;

    /// <summary>Every factor used, once each, in order of first use (listed on first read: only a full answer shows them).</summary>
    public IReadOnlyList<AppliedFactor> Factors => _factors ??= DistinctFactors(Legs, Hubs);

    /// <summary>Derived on first read (a route used only for its cost never needs them); a race derives them twice, alike.</summary>
    private Derived Figures => _derived ??= new Derived(Legs, Hubs);

    /// <summary>
    /// The factors of the legs, then of the hubs, each id once: a few distinct factors among a hundred uses. The
    /// estimator shares one instance per factor, so nearly every use is found by reference in the short list; the id
    /// decides the rest.
    /// </summary>
    private static List<AppliedFactor> DistinctFactors(IReadOnlyList<LegEmissions> legs, IReadOnlyList<HubEmissions> hubs)
    {
        var distinct = new List<AppliedFactor>(8);
        for (int i = 0; i < legs.Count; i++)
        {
            IReadOnlyList<AppliedFactor> factors = legs[i].Factors;
            for (int f = 0; f < factors.Count; f++)
            {
                AddOnce(distinct, factors[f]);
            }
        }

        for (int i = 0; i < hubs.Count; i++)
        {
            AddOnce(distinct, hubs[i].Factor);
        }

        return distinct;
    }

    private static void AddOnce(List<AppliedFactor> distinct, AppliedFactor factor)
    {
        for (int k = distinct.Count - 1; k >= 0; k--) // the latest first: consecutive legs mostly repeat a factor
        {
            AppliedFactor known = distinct[k];
            if (ReferenceEquals(known, factor) || string.Equals(known.Id, factor.Id, StringComparison.Ordinal))
            {
                return;
            }
        }

        distinct.Add(factor);
    }

    private sealed class Derived
    {
        public Derived(IReadOnlyList<LegEmissions> legs, IReadOnlyList<HubEmissions> hubs)
        {
            Basis = legs.Count > 0 ? legs[0].Basis : Co2eBasis.Mixed; // one basis for all legs, or Mixed
            for (int i = 0; i < legs.Count; i++)
            {
                LegEmissions leg = legs[i];
                LineHaulWtwKg += leg.WtwKg;
                TtwKg += leg.TtwKg;
                UsesStandIns |= leg.UsesStandIns;
                Basis = leg.Basis == Basis ? Basis : Co2eBasis.Mixed;
            }

            for (int i = 0; i < hubs.Count; i++)
            {
                HubWtwKg += hubs[i].WtwKg;
                TtwKg += hubs[i].TtwKg;
                UsesStandIns |= hubs[i].Factor.IsStandIn;
            }
        }

        public double LineHaulWtwKg { get; }

        public double HubWtwKg { get; }

        public double TtwKg { get; }

        public bool UsesStandIns { get; }

        public Co2eBasis Basis { get; }
    }
}
