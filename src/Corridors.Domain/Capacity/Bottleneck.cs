using Corridors.Domain.Network;

namespace Corridors.Domain.Capacity;

/// <summary>How a capacity is published; every unit converts to TEU per year with <see cref="CapacityConversions"/>.</summary>
public enum CapacityUnit
{
    /// <summary><c>TEU/day</c>.</summary>
    TeuPerDay,

    /// <summary><c>containers/day</c> (size not stated: counted as <see cref="CapacityConversions.TeuPerContainer"/>).</summary>
    ContainersPerDay,

    /// <summary><c>trains/day</c>.</summary>
    TrainsPerDay,

    /// <summary><c>train pairs/day</c>: one train each way, two trains.</summary>
    TrainPairsPerDay,

    /// <summary><c>Mt/yr</c> of cargo.</summary>
    MegatonnesPerYear,

    /// <summary><c>TEU/yr</c>.</summary>
    TeuPerYear,
}

/// <summary>A capacity figure as its source publishes it: value, unit and where it comes from.</summary>
public sealed record PublishedCapacity(double Value, CapacityUnit Unit, Provenance Provenance);

/// <summary>
/// A capacity in force from <see cref="From"/> (inclusive) until <see cref="To"/> (exclusive; null: open-ended). Its
/// TEU per year is the sum of its published parts (parallel facilities, e.g. Dostyk station plus the TransTerminal),
/// each converted with <see cref="CapacityConversions"/>; <see cref="TeuPerYearMethod"/> says how.
/// </summary>
public sealed record CapacityPeriod(
    DateFigure From,
    DateFigure? To,
    IReadOnlyList<PublishedCapacity> Published,
    double TeuPerYear,
    string TeuPerYearMethod,
    string Note)
{
    public bool IsInForceOn(DateOnly date) => date >= From.Date && (To is null || date < To.Date);

    /// <summary>Every source id the period rests on (dates and figures), ordinal order, no duplicates.</summary>
    public IReadOnlyList<string> SourceIds =>
    [
        .. Published.SelectMany(p => p.Provenance.SourceIds)
            .Concat(From.Provenance.SourceIds)
            .Concat(To?.Provenance.SourceIds ?? [])
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal),
    ];
}

/// <summary>
/// A place or set of links whose throughput is limited: a border crossing, a ferry fleet, a line, a port. A route
/// loads it once when it uses any of its links or passes any of its places.
/// </summary>
public sealed record Bottleneck(
    string Id,
    string Name,
    IReadOnlyList<LinkId> Links,
    IReadOnlyList<PlaceId> Places,
    IReadOnlyList<CapacityPeriod> Periods)
{
    /// <summary>The capacity in force on the date, or null when no figure covers it (the bottleneck is then not a limit).</summary>
    public CapacityPeriod? On(DateOnly date) => Periods.FirstOrDefault(p => p.IsInForceOn(date));
}

/// <summary>One origin–destination volume in TEU per year (both directions combined).</summary>
public sealed record OdVolume(PlaceId Origin, PlaceId Destination, double TeuPerYear, string Derivation);

/// <summary>The default volume set of <c>capacities.json</c>: what it is, its sources and its pairs.</summary>
public sealed record DefaultVolumes(string Description, IReadOnlyList<string> SourceIds, IReadOnlyList<OdVolume> Pairs);

/// <summary>
/// The factors that turn published capacities into TEU per year, each sourced or a labelled assumption in
/// <c>sources.csv</c>.
/// </summary>
public sealed record CapacityConversions(
    ValueFigure TeuPerTrain,
    ValueFigure CargoTonnesPerTeu,
    ValueFigure OperatingDaysPerYear,
    ValueFigure TeuPerContainer)
{
    /// <summary>TEU per year for a published figure.</summary>
    public double ToTeuPerYear(double value, CapacityUnit unit) => unit switch
    {
        CapacityUnit.TeuPerDay => value * OperatingDaysPerYear.Value,
        CapacityUnit.ContainersPerDay => value * TeuPerContainer.Value * OperatingDaysPerYear.Value,
        CapacityUnit.TrainsPerDay => value * TeuPerTrain.Value * OperatingDaysPerYear.Value,
        CapacityUnit.TrainPairsPerDay => value * 2 * TeuPerTrain.Value * OperatingDaysPerYear.Value,
        CapacityUnit.MegatonnesPerYear => value * 1e6 / CargoTonnesPerTeu.Value,
        CapacityUnit.TeuPerYear => value,
        _ => throw new ArgumentOutOfRangeException(nameof(unit), unit, "Unknown capacity unit."),
    };

    /// <summary>TEU per year that one more train per day adds (for shadow prices per train).</summary>
    public double TeuPerYearPerTrainPerDay => TeuPerTrain.Value * OperatingDaysPerYear.Value;
}

/// <summary>The loaded <c>capacities.json</c>: conversions, bottlenecks (ordered by id) and the default volumes.</summary>
public sealed record CapacityCatalog(CapacityConversions Conversions, IReadOnlyList<Bottleneck> Bottlenecks, DefaultVolumes DefaultVolumes)
{
    /// <summary>No capacities and no volumes: what a dataset without <c>capacities.json</c> has (test networks).</summary>
    public static readonly CapacityCatalog Empty = new(
        new CapacityConversions(
            new ValueFigure(1, Provenance.Derived("none")), new ValueFigure(1, Provenance.Derived("none")),
            new ValueFigure(1, Provenance.Derived("none")), new ValueFigure(1, Provenance.Derived("none"))),
        [],
        new DefaultVolumes("none", [], []));

    public static string UnitText(CapacityUnit unit) => unit switch
    {
        CapacityUnit.TeuPerDay => "TEU/day",
        CapacityUnit.ContainersPerDay => "containers/day",
        CapacityUnit.TrainsPerDay => "trains/day",
        CapacityUnit.TrainPairsPerDay => "train pairs/day",
        CapacityUnit.MegatonnesPerYear => "Mt/yr",
        CapacityUnit.TeuPerYear => "TEU/yr",
        _ => throw new ArgumentOutOfRangeException(nameof(unit), unit, "Unknown capacity unit."),
    };

    public static bool TryParseUnit(string text, out CapacityUnit unit)
    {
        foreach (CapacityUnit candidate in Enum.GetValues<CapacityUnit>())
        {
            if (UnitText(candidate) == text)
            {
                unit = candidate;
                return true;
            }
        }

        unit = default;
        return false;
    }
}
