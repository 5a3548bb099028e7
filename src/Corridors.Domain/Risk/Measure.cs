using Corridors.Domain.Network;

namespace Corridors.Domain.Risk;

/// <summary>A regime with the countries that make up its territory (for the direction rules).</summary>
/// <param name="Territory">ISO 3166-1 alpha-2 codes; empty for the UN.</param>
public sealed record RegimeInfo(Regime Id, string Name, IReadOnlyList<string> Territory, IReadOnlyList<string> SourceIds);

/// <summary>An operator that measures name, spelled as in links' <c>operator</c> field for infrastructure operators.</summary>
public sealed record SanctionedOperator(
    string Name,
    OperatorRole Role,
    string Description,
    IReadOnlyList<string> Countries,
    IReadOnlySet<TransportMode> Modes,
    IReadOnlyList<string> SourceIds);

/// <summary>What a measure is aimed at. Exactly one of the four kinds.</summary>
public abstract record MeasureTarget
{
    private protected MeasureTarget()
    {
    }

    /// <summary>A text for reports: <c>country RU</c>, <c>operator RZD</c>…</summary>
    public abstract string Describe();
}

/// <summary>A whole country: every link km on its territory (a link in n countries counts km / n, as in <c>Route.Countries</c>).</summary>
public sealed record CountryTarget(string CountryCode) : MeasureTarget
{
    public override string Describe() => $"country {CountryCode}";
}

/// <summary>An operator: the links it operates (infrastructure) or may run (service).</summary>
public sealed record OperatorTarget(SanctionedOperator Operator) : MeasureTarget
{
    public override string Describe() => $"operator {Operator.Name}";
}

/// <summary>A place of the network (a port or terminal): touched when a route passes through it.</summary>
public sealed record PlaceTarget(PlaceId Place) : MeasureTarget
{
    public override string Describe() => $"place {Place}";
}

/// <summary>A class of carriers: vehicles of <paramref name="Mode"/> registered in the given countries; touches links of that mode in those countries.</summary>
public sealed record CarrierTarget(TransportMode Mode, IReadOnlyList<string> RegisteredIn) : MeasureTarget
{
    public override string Describe() => $"{EnumNames.ToKebab(Mode)} carriers registered in {string.Join("/", RegisteredIn)}";
}

/// <summary>The licence a measure requires before the movement may go ahead: who grants it and what kind.</summary>
/// <param name="Authority">The licensing authority, e.g. <c>OFSI (HM Treasury)</c>, <c>OFAC</c>.</param>
/// <param name="Type">The kind of licence, e.g. <c>specific licence to make funds available to a designated person</c>.</param>
public sealed record Licence(string Authority, string Type);

/// <summary>
/// A dated sanctions measure from <c>networks/sanctions/measures.json</c>.
/// </summary>
/// <param name="Id">Stable id (<c>EU-RU-TRANSIT-DUALUSE-2023</c>).</param>
/// <param name="Modes">Modes whose links it can touch.</param>
/// <param name="CargoClasses">Cargo classes it concerns.</param>
/// <param name="EffectiveFrom">First day in force (inclusive).</param>
/// <param name="EffectiveTo">First day no longer in force (exclusive), or null while in force at the data's review date.</param>
/// <param name="Severity">1 (minimal) … 5 (the movement itself is banned); see networks/sanctions/README.md.</param>
/// <param name="Prohibits">True only when the measure bans the movement itself for the cargo class; false when it raises exposure.</param>
public sealed record Measure(
    string Id,
    Regime Regime,
    string Title,
    MeasureTarget Target,
    MeasureKind Kind,
    IReadOnlySet<TransportMode> Modes,
    IReadOnlySet<CargoClass> CargoClasses,
    TradeDirection Direction,
    DateOnly EffectiveFrom,
    DateOnly? EffectiveTo,
    int Severity,
    bool Prohibits,
    IReadOnlyList<string> SourceIds)
{
    public const int MinSeverity = 1;
    public const int MaxSeverity = 5;

    /// <summary>
    /// The licence the shipper needs when the measure neither bans the movement nor merely raises exposure (e.g. paying
    /// a designated carrier); null otherwise. Never set together with <see cref="Prohibits"/>.
    /// </summary>
    public Licence? Licence { get; init; }

    /// <summary>
    /// Goods lists (by id) the measure also covers: it applies to a shipment whose HS code falls under one of them,
    /// whatever its cargo class. Empty for a measure defined by cargo class only.
    /// </summary>
    public IReadOnlySet<string> GoodsLists { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>The legal act that imposes it, e.g. <c>Council Regulation (EU) 2023/427 …</c>; null only for a scenario's what-if measure.</summary>
    public string? Act { get; init; }

    /// <summary>The article(s) of <see cref="Act"/> that carry it, or what of them is not verified.</summary>
    public string? Articles { get; init; }

    /// <summary>In force on the date: <see cref="EffectiveFrom"/> ≤ date &lt; <see cref="EffectiveTo"/>.</summary>
    public bool IsInForceOn(DateOnly date) => date >= EffectiveFrom && (EffectiveTo is not { } to || date < to);

    /// <summary>
    /// Whether the measure reaches a shipper bound by <paramref name="regimes"/>: a primary measure when its regime
    /// binds the shipper; a secondary-sanctions measure when it does not (that is what secondary sanctions are for:
    /// they reach persons outside the regime's jurisdiction).
    /// </summary>
    public bool Reaches(IReadOnlySet<Regime> regimes)
    {
        ArgumentNullException.ThrowIfNull(regimes);
        bool bound = regimes.Contains(Regime);
        return Kind == MeasureKind.SecondarySanctions ? !bound : bound;
    }
}

/// <summary>
/// The dates the measure data is maintained for. As-of dates up to <see cref="ReviewedOn"/> are answered from
/// reviewed data; later ones are a projection (the recorded measures, with their recorded dates, are assumed to
/// hold: nothing adopted after the review is known). Once the business date passes <see cref="FreshUntil"/> the
/// data is stale: still answered, and flagged.
/// </summary>
/// <param name="From">Earliest as-of date the data covers (measures before it are not collected).</param>
/// <param name="ReviewedOn">The day the data was last checked against the sources.</param>
/// <param name="FreshUntil">The last business date on which the data counts as current (review date + 1 year).</param>
public sealed record DataCoverage(DateOnly From, DateOnly ReviewedOn, DateOnly FreshUntil)
{
    /// <summary>Reviewed up to the review date, projected after it.</summary>
    public RiskBasis BasisOn(DateOnly asOf) => asOf <= ReviewedOn ? RiskBasis.Reviewed : RiskBasis.Projected;

    /// <summary>How current the data is on the business date <paramref name="today"/>.</summary>
    public DataFreshness FreshnessOn(DateOnly today) => new(ReviewedOn, FreshUntil, today);
}

/// <summary>How current a reviewed dataset is on a business date.</summary>
/// <param name="ReviewedOn">The day the data was last checked against its sources.</param>
/// <param name="FreshUntil">The last business date on which it counts as current.</param>
/// <param name="Today">The business date judged on.</param>
public sealed record DataFreshness(DateOnly ReviewedOn, DateOnly FreshUntil, DateOnly Today)
{
    /// <summary>Days since the review (negative when the business date is before it).</summary>
    public int AgeDays => Today.DayNumber - ReviewedOn.DayNumber;

    /// <summary>Days until the data turns stale; zero or negative once it is.</summary>
    public int DaysLeft => FreshUntil.DayNumber - Today.DayNumber;

    /// <summary>True once the business date is past <see cref="FreshUntil"/>: answers still come, flagged.</summary>
    public bool IsStale => Today > FreshUntil;
}

/// <summary>The loaded, validated measures. Immutable; shared by all queries.</summary>
public sealed class SanctionsCatalog
{
    private readonly Dictionary<Regime, RegimeInfo> _regimes;

    public SanctionsCatalog(DataCoverage coverage, IEnumerable<RegimeInfo> regimes, IEnumerable<SanctionedOperator> operators, IEnumerable<Measure> measures)
        : this(coverage, regimes, operators, measures, [])
    {
    }

    public SanctionsCatalog(
        DataCoverage coverage, IEnumerable<RegimeInfo> regimes, IEnumerable<SanctionedOperator> operators, IEnumerable<Measure> measures, IEnumerable<GoodsList> goodsLists)
    {
        ArgumentNullException.ThrowIfNull(goodsLists);
        GoodsLists = [.. goodsLists.OrderBy(g => g.Id, StringComparer.Ordinal)];
        ArgumentNullException.ThrowIfNull(coverage);
        ArgumentNullException.ThrowIfNull(regimes);
        ArgumentNullException.ThrowIfNull(operators);
        ArgumentNullException.ThrowIfNull(measures);
        Coverage = coverage;
        Regimes = [.. regimes.OrderBy(r => r.Id)];
        Operators = [.. operators.OrderBy(o => o.Name, StringComparer.Ordinal)];
        Measures = [.. measures.OrderBy(m => m.Id, StringComparer.Ordinal)];
        _regimes = Regimes.ToDictionary(r => r.Id);
        _changeDays = [.. Measures.SelectMany(m => m.EffectiveTo is { } to ? new[] { m.EffectiveFrom, to } : [m.EffectiveFrom]).Distinct().Order()];
    }

    /// <summary>Every day a measure enters into force or ceases to apply, ascending.</summary>
    private readonly DateOnly[] _changeDays;

    /// <summary>
    /// The in-force epoch of a date: how many change days fall on or before it. Two dates with the same epoch have the
    /// same measures in force (<see cref="Measure.IsInForceOn"/> turns only on a change day).
    /// </summary>
    public int InForceEpochOf(DateOnly date)
    {
        int found = Array.BinarySearch(_changeDays, date);
        return found >= 0 ? found + 1 : ~found;
    }

    public DataCoverage Coverage { get; }

    /// <summary>The goods lists measures refer to, ordered by id.</summary>
    public IReadOnlyList<GoodsList> GoodsLists { get; }

    /// <summary>Ids of the goods lists an HS code falls under, ordered by id (empty without a code).</summary>
    public IReadOnlySet<string> GoodsListsOf(HsCode? code) =>
        code is { } c ? new SortedSet<string>(GoodsLists.Where(g => g.Covers(c)).Select(g => g.Id), StringComparer.Ordinal) : NoGoodsLists;

    private static readonly IReadOnlySet<string> NoGoodsLists = new HashSet<string>(StringComparer.Ordinal);

    public IReadOnlyList<RegimeInfo> Regimes { get; }

    public IReadOnlyList<SanctionedOperator> Operators { get; }

    /// <summary>Measures ordered by id (ordinal), so that every report is deterministic.</summary>
    public IReadOnlyList<Measure> Measures { get; }

    /// <summary>The regime's member countries; empty for a regime without territory or not in the data.</summary>
    public IReadOnlyList<string> TerritoryOf(Regime regime) =>
        _regimes.TryGetValue(regime, out RegimeInfo? info) ? info.Territory : [];

    public bool IsDeclared(Regime regime) => _regimes.ContainsKey(regime);
}
