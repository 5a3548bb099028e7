using System.Collections.Concurrent;
using System.Globalization;
using Corridors.Domain.Network;
using Corridors.Domain.Routing;

namespace Corridors.Domain.Emissions;

/// <summary>
/// ISO 14083-style estimate of a route's greenhouse-gas emissions for one container, well-to-wheel with tank-to-wheel
/// beside it: per leg, the factor of its traction, sea lane, vessel or vehicle; per hub the route passes through
/// (port, rail terminal, gauge change, ferry terminal), a per-container figure. Electric rail is energy × the
/// country's grid intensity in the as-of year. Not an accredited figure; method and limits in
/// <c>networks/README.md</c>, "Emission factors".
/// </summary>
public sealed class Co2eEstimator
{
    /// <summary>The labelled default for a rail link without a traction tag (diesel, flagged).</summary>
    public const string TractionDefaultSource = "A-TRACTION-DEFAULT";

    /// <summary>The labelled rule for electric km in a country without a usable grid series.</summary>
    public const string GridFallbackSource = "A-GRID-FALLBACK";

    /// <summary>The labelled rule for an as-of year outside the grid data.</summary>
    public const string GridYearSource = "A-GRID-YEAR";

    /// <summary>The labelled rule that picks the sea lane.</summary>
    public const string SeaLaneRuleSource = "A-SEA-LANE-RULE";

    /// <summary>Factor id shown for the Cape option's uplift.</summary>
    public const string CapeUpliftId = "cape-speed-uplift";

    private const double GramsPerKilogram = 1000;

    private readonly ConcurrentDictionary<LineKey, CachedLine> _lines = new();

    /// <summary>One context per sea lane and uplift (they are immutable and few).</summary>
    private readonly ConcurrentDictionary<(FactorUse, double), SeaContext> _seaContexts = new();

    /// <summary>A thread's list for a route's hubs while they are costed; emptied after each route.</summary>
    [ThreadStatic]
    private static List<(Place Place, HubKind Kind)>? HubScratch;

    /// <summary>A thread's note book, started afresh for each route.</summary>
    [ThreadStatic]
    private static NoteBook? Notes;

    /// <summary>Hub figures for the default payload, by place (compared by reference) and kind.</summary>
    private readonly ConcurrentDictionary<(Place, HubKind), HubEmissions> _hubs = new(new PlaceAndKind());

    /// <summary>Note texts by what they say (a sea part, a grid year, a later electrification): few, and the same route after route.</summary>
    private readonly ConcurrentDictionary<(object, object, object), string> _noteTexts = new();
    private readonly ConcurrentDictionary<EmissionFactor, AppliedFactor> _applied = new(ReferenceEqualityComparer.Instance);

    /// <summary>
    /// Grid intensities as applied, by country, year and whether the year stands in for the as-of year: few (the grid
    /// table's countries × years, twice), and sharing them lets a route list its factors by reference.
    /// </summary>
    private readonly ConcurrentDictionary<(string Country, int Year, bool Substituted), AppliedFactor> _gridFactors = new();
    private AppliedFactor? _capeFactor;

    public Co2eEstimator(EmissionFactorSet factors)
    {
        ArgumentNullException.ThrowIfNull(factors);
        Factors = factors;
    }

    public EmissionFactorSet Factors { get; }

    /// <param name="asOf">Decides the traction of links electrified later and the grid year.</param>
    /// <param name="payload">What is carried; the file's default (one 40-foot container) when null.</param>
    /// <param name="options">The caller's choices (the Cape speed uplift); none when null.</param>
    public RouteEmissions Estimate(Route route, DateOnly asOf, Payload? payload = null, Co2eOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(route);
        return Estimate(route.Legs, asOf, payload, options);
    }

    /// <summary>As <see cref="Estimate(Route, DateOnly, Payload?, Co2eOptions?)"/>, for a route's legs before the route is built.</summary>
    public RouteEmissions Estimate(IReadOnlyList<RouteLeg> routeLegs, DateOnly asOf, Payload? payload = null, Co2eOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(routeLegs);
        Payload carried = payload ?? Factors.DefaultPayload;
        Co2eOptions chosen = options ?? Co2eOptions.Default;
        NoteBook notes = (Notes ??= new NoteBook()).Start(asOf.Year, Factors.Grid, _noteTexts);
        var legs = new LegEmissions[routeLegs.Count];
        for (int i = 0; i < legs.Length; i++)
        {
            RouteLeg leg = routeLegs[i];
            var context = new LegContext(asOf, carried, FerryUse(routeLegs, i), SeaPart(routeLegs, i, chosen, notes));
            if (ReferenceEquals(carried, Factors.DefaultPayload))
            {
                CachedLine line = Line(leg.Link, context);
                NoteTraction(leg.Link, context, notes);
                foreach ((string country, int year) in line.Grid)
                {
                    notes.Grid(country, year);
                }

                legs[i] = line.Leg;
            }
            else
            {
                Note(leg.Link, context, notes);
                legs[i] = Compute(leg.Link, context);
            }
        }

        List<(Place Place, HubKind Kind)> found = HubActivity.Of(routeLegs, HubScratch ??= []);
        var hubs = new HubEmissions[found.Count];
        for (int h = 0; h < hubs.Length; h++)
        {
            (Place place, HubKind kind) = found[h];
            hubs[h] = ReferenceEquals(carried, Factors.DefaultPayload)
                ? _hubs.GetOrAdd((place, kind), static (key, estimator) => estimator.Hub(key.Item1, key.Item2, estimator.Factors.DefaultPayload) with { Kept = true }, this)
                : Hub(place, kind, carried);
        }

        found.Clear();
        return new RouteEmissions(carried, notes.GridYearUsed, legs, hubs, notes.Finish());
    }

    /// <summary>
    /// Lowest-CO2e routing: each directed edge costs the well-to-wheel kg of its link's line haul for the payload on
    /// the as-of date; places cost nothing. Non-negative and additive. Two things the search cannot see edge by edge
    /// are left to the answer: hubs (a few kg each, under 1 % of a China–Europe trip) and the lane of a sea part (sea
    /// edges cost the Asia–North Europe lane, ferries the rail-ferry factor). For a route without hubs on that lane the
    /// summed cost equals <see cref="RouteEmissions.LineHaulWtwKg"/>.
    /// </summary>
    public IRouteCost CostFor(RoutingGraph graph, DateOnly asOf, Payload? payload = null)
    {
        ArgumentNullException.ThrowIfNull(graph);
        Payload carried = payload ?? Factors.DefaultPayload;
        var context = new LegContext(asOf, carried, FactorUse.FerryRail, new SeaContext(FactorUse.SeaAsiaNorthEurope, 1));
        double[] kgPerLink = [.. graph.Network.Links.Select(l => Compute(l, context).WtwKg)];
        return new Co2eCost(graph, kgPerLink);
    }

    /// <summary>
    /// The line haul of a link in a context, with the grid year read for each of its countries, worked out once per link
    /// and context for the default payload (nearly every query): a leg's figures depend only on its link, the traction
    /// on the day, the grid year, the ferry type and the sea lane and uplift, which take few values, and they are
    /// immutable. Other payloads are computed each time.
    /// </summary>
    private CachedLine Line(Link link, LegContext context)
    {
        var key = new LineKey(
            link,
            link.Mode == TransportMode.Rail ? link.Traction?.On(context.AsOf) ?? TractionKind.Diesel : null,
            link.Mode == TransportMode.Rail && link.Traction?.On(context.AsOf) == TractionKind.Electric ? context.AsOf.Year : 0,
            link.Mode == TransportMode.Ferry ? context.Ferry : null,
            link.Mode == TransportMode.Sea ? context.Sea : null);
        return _lines.GetOrAdd(key, static (k, state) => new CachedLine(state.Estimator.Compute(k.Link, state.Context) with { Kept = true }, state.Estimator.GridOf(k.Link, state.Context)),
            (Estimator: this, Context: context));
    }

    private LegEmissions Compute(Link link, LegContext context)
    {
        double km = link.DistanceKm.Value;
        return link.Mode switch
        {
            TransportMode.Rail => Rail(link, km, context),
            TransportMode.Road => Fuel(link, km, Factors.For(FactorUse.RoadTruckFeu), context.Payload, 1, []),
            TransportMode.Sea => Fuel(link, km, Factors.For(context.Sea.Lane), context.Payload, context.Sea.Uplift,
                context.Sea.Uplift > 1 ? [CapeFactor()] : []),
            TransportMode.Ferry => Fuel(link, km, Factors.For(context.Ferry), context.Payload, 1, []),
            TransportMode.InlandWaterway => Fuel(link, km, Factors.For(FactorUse.InlandWaterway), context.Payload, 1, []),
            _ => throw new ArgumentOutOfRangeException(nameof(link), link.Mode, "Unknown mode."),
        };
    }

    private LegEmissions Fuel(Link link, double km, EmissionFactor factor, Payload payload, double uplift, AppliedFactor[] extra)
    {
        double quantityKm = EmissionFactor.Quantity(factor.Unit, payload) * km * uplift;
        return new LegEmissions(link.Id, link.Mode, km, factor.Wtw!.Value * quantityKm, factor.Ttw!.Value * quantityKm,
            Co2eBasis.Fuel, [Applied(factor), .. extra], null, []);
    }

    /// <summary>
    /// Diesel: the diesel factor. Electric: energy × tonnes × km × grid intensity, the km split equally among the
    /// link's countries (as the route's country km are), each on its own grid; a country without a usable series is
    /// costed at the diesel factor (A-GRID-FALLBACK). A link without a tag is diesel (A-TRACTION-DEFAULT).
    /// </summary>
    private LegEmissions Rail(Link link, double km, LegContext context)
    {
        EmissionFactor diesel = Factors.For(FactorUse.RailDiesel);
        double tonneKm = context.Payload.CargoTonnes * km;
        LinkTraction? tag = link.Traction;
        TractionKind traction = tag?.On(context.AsOf) ?? TractionKind.Diesel;
        IReadOnlyList<string> tractionSources = tag is null ? [TractionDefaultSource] : tag.SourceIds;
        if (traction == TractionKind.Diesel)
        {
            return new LegEmissions(link.Id, link.Mode, km, diesel.Wtw!.Value * tonneKm, diesel.Ttw!.Value * tonneKm,
                Co2eBasis.Fuel, [Applied(diesel)], traction, tractionSources);
        }

        EmissionFactor electric = Factors.For(FactorUse.RailElectric);
        var applied = new List<AppliedFactor> { Applied(electric) };
        double wtw = 0, ttw = 0;
        bool fallback = false;
        double shareTonneKm = tonneKm / link.Countries.Count;
        foreach (string country in link.Countries)
        {
            if (Factors.Grid.TryGet(country, context.AsOf.Year, out double gramsPerKwh, out int year))
            {
                wtw += electric.EnergyKwh!.Value * shareTonneKm * gramsPerKwh / GramsPerKilogram;
                applied.Add(GridFactor(country, year, gramsPerKwh, substituted: year != context.AsOf.Year));
            }
            else
            {
                wtw += diesel.Wtw!.Value * shareTonneKm;
                ttw += diesel.Ttw!.Value * shareTonneKm;
                applied.Add(Applied(diesel));
                fallback = true;
            }
        }

        return new LegEmissions(link.Id, link.Mode, km, wtw, ttw, fallback ? Co2eBasis.Mixed : Co2eBasis.ElectricGrid,
            [.. applied.DistinctBy(f => f.Id)], traction, tractionSources);
    }

    /// <summary>What the answer must say about a leg's figures: an untagged or not yet electrified link, the grid year used, a country without a grid series.</summary>
    private void Note(Link link, LegContext context, NoteBook notes)
    {
        NoteTraction(link, context, notes);
        foreach ((string country, int year) in GridOf(link, context))
        {
            notes.Grid(country, year);
        }
    }

    /// <summary>An untagged link, or one hauled by diesel before its electrification.</summary>
    private static void NoteTraction(Link link, LegContext context, NoteBook notes)
    {
        if (link.Mode != TransportMode.Rail)
        {
            return;
        }

        LinkTraction? tag = link.Traction;
        if (tag is null)
        {
            notes.Untagged(link.Id);
        }
        else if (tag.Kind == TractionKind.Electric && tag.On(context.AsOf) == TractionKind.Diesel)
        {
            notes.NotYetElectrified(link.Id, tag.ElectrifiedFrom!.Date);
        }
    }

    /// <summary>For an electric leg on the day, each country's grid year used (0: no usable series); empty otherwise.</summary>
    private (string Country, int Year)[] GridOf(Link link, LegContext context)
    {
        if (link.Mode != TransportMode.Rail || link.Traction?.On(context.AsOf) != TractionKind.Electric)
        {
            return [];
        }

        var grid = new (string, int)[link.Countries.Count];
        for (int c = 0; c < grid.Length; c++)
        {
            string country = link.Countries[c];
            grid[c] = (country, Factors.Grid.TryGet(country, context.AsOf.Year, out _, out int year) ? year : 0);
        }

        return grid;
    }

    private HubEmissions Hub(Place place, HubKind kind, Payload carried)
    {
        EmissionFactor factor = Factors.For(HubActivity.FactorOf(kind));
        double quantity = EmissionFactor.Quantity(factor.Unit, carried);
        return new HubEmissions(place, kind, factor.Wtw!.Value * quantity, factor.Ttw!.Value * quantity, Applied(factor));
    }

    /// <summary>A factor as applied, one instance per factor (they are immutable, and a route lists its factors by reference).</summary>
    private AppliedFactor Applied(EmissionFactor factor) => _applied.GetOrAdd(factor, AppliedFactor.Of);

    /// <summary>A country's grid intensity in a year as applied, one instance per country, year and substitution.</summary>
    private AppliedFactor GridFactor(string country, int year, double gramsPerKwh, bool substituted) =>
        _gridFactors.GetOrAdd((country, year, substituted), static (key, state) => new AppliedFactor(
            $"grid-{key.Country}-{key.Year.ToString(CultureInfo.InvariantCulture)}",
            FormattableString.Invariant($"{state.GramsPerKwh} {UnitTexts.GramsPerKwh} (lifecycle, {key.Country} {key.Year})"),
            key.Substituted
                ? [.. state.Sources.Where(s => s != GridFallbackSource)]
                : [.. state.Sources.Where(s => s != GridFallbackSource && s != GridYearSource)],
            key.Substituted),
            (GramsPerKwh: gramsPerKwh, Sources: Factors.Grid.SourceIds));

    /// <summary>The Cape option's uplift as applied (one instance).</summary>
    private AppliedFactor CapeFactor() =>
        _capeFactor ??= new(CapeUpliftId, FormattableString.Invariant($"x{Factors.CapeSpeedUplift.Factor} per km"), Factors.CapeSpeedUplift.SourceIds, IsStandIn: true);

    /// <summary>A ferry next to a rail leg carries wagons (a train ferry); otherwise road vehicles (ro-pax).</summary>
    private static FactorUse FerryUse(IReadOnlyList<RouteLeg> legs, int i) =>
        (i > 0 && legs[i - 1].Mode == TransportMode.Rail) || (i + 1 < legs.Count && legs[i + 1].Mode == TransportMode.Rail)
            ? FactorUse.FerryRail
            : FactorUse.FerryRoPax;

    /// <summary>The lane and uplift of the sea part (the run of consecutive sea legs) that leg <paramref name="i"/> belongs to.</summary>
    private SeaContext SeaPart(IReadOnlyList<RouteLeg> legs, int i, Co2eOptions options, NoteBook notes)
    {
        if (legs[i].Mode != TransportMode.Sea)
        {
            return SeaContext.NotAtSea;
        }

        int first = i;
        while (first > 0 && legs[first - 1].Mode == TransportMode.Sea)
        {
            first--;
        }

        int last = i;
        while (last + 1 < legs.Count && legs[last + 1].Mode == TransportMode.Sea)
        {
            last++;
        }

        Place start = legs[first].From;
        Place end = legs[last].To;
        FactorUse lane = SeaLanes.Of(start, end);
        bool cape = false;
        for (int k = first; k <= last && !cape; k++)
        {
            cape = SeaLanes.RoundsTheCape(legs[k].To);
        }

        double uplift = cape && options.CapeSpeedUplift ? Factors.CapeSpeedUplift.Factor : 1;
        if (i == first)
        {
            notes.SeaPart(start, end, lane, cape, uplift);
        }

        return _seaContexts.GetOrAdd((lane, uplift), static key => new SeaContext(key.Item1, key.Item2));
    }

    /// <summary>A link's line haul in one context, and the grid year each of its countries used (0: none).</summary>
    private sealed record CachedLine(LegEmissions Leg, (string Country, int Year)[] Grid);

    private sealed record SeaContext(FactorUse Lane, double Uplift)
    {
        /// <summary>What a leg that is not at sea carries (its figures ignore it).</summary>
        public static readonly SeaContext NotAtSea = new(FactorUse.SeaFeeder, 1);
    }

    /// <summary>What a link's line haul depends on besides the (default) payload; null where the mode ignores it.</summary>
    /// <remarks>The link is compared by reference: a link's record equality would hash every field on every lookup.</remarks>
    private readonly record struct LineKey(Link Link, TractionKind? Traction, int GridYear, FactorUse? Ferry, SeaContext? Sea)
    {
        public bool Equals(LineKey other) =>
            ReferenceEquals(Link, other.Link) && Traction == other.Traction && GridYear == other.GridYear && Ferry == other.Ferry && Equals(Sea, other.Sea);

        public override int GetHashCode() =>
            HashCode.Combine(System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(Link), Traction, GridYear, Ferry, Sea);
    }

    private readonly record struct LegContext(DateOnly AsOf, Payload Payload, FactorUse Ferry, SeaContext Sea);

    /// <summary>
    /// Collects what the answer must say about its figures, once each, in a stable order. Texts that recur route after
    /// route (a sea part's lane, the grid year used, the untagged links) are written once per estimator, and each thread
    /// reuses one book.
    /// </summary>
    private sealed class NoteBook
    {
        private readonly List<string> _untagged = [];
        private readonly SortedSet<string> _noGrid = new(StringComparer.Ordinal);
        private readonly List<string> _other = [];
        private int _asOfYear;
        private GridIntensityTable _grid = null!;
        private ConcurrentDictionary<(object, object, object), string> _texts = null!;
        private bool _gridUsed;

        public int GridYearUsed { get; private set; }

        /// <summary>Empties the book for the next route (a thread reuses its book: this runs for every route built).</summary>
        public NoteBook Start(int year, GridIntensityTable table, ConcurrentDictionary<(object, object, object), string> noteTexts)
        {
            (_asOfYear, _grid, _texts) = (year, table, noteTexts);
            _untagged.Clear();
            _noGrid.Clear();
            _other.Clear();
            _gridUsed = false;
            GridYearUsed = Math.Clamp(year, table.FirstYear, table.LastYear);
            return this;
        }

        public void Untagged(LinkId link)
        {
            if (!_untagged.Contains(link.Value))
            {
                _untagged.Add(link.Value);
            }
        }

        /// <summary>A country of an electric leg: the grid year used, or 0 when it has no usable series.</summary>
        public void Grid(string country, int year)
        {
            if (year == 0)
            {
                _noGrid.Add(country);
                return;
            }

            _gridUsed = true;
            GridYearUsed = year;
        }

        public void NotYetElectrified(LinkId link, DateOnly from) =>
            _other.Add(_texts.GetOrAdd((link, from, nameof(NotYetElectrified)), static key =>
                FormattableString.Invariant($"{key.Item1} is hauled by diesel before its electrification on {(DateOnly)key.Item2:yyyy-MM-dd}")));

        public void SeaPart(Place start, Place end, FactorUse lane, bool cape, double uplift) =>
            _other.Add(_texts.GetOrAdd((start, end, (lane, cape, uplift)), static key =>
            {
                ((FactorUse lane, bool cape, double uplift), Place start, Place end) = ((ValueTuple<FactorUse, bool, double>)key.Item3, (Place)key.Item1, (Place)key.Item2);
                string text = $"sea {start.Id} → {end.Id}: lane {EnumNames.ToKebab(lane)}, chosen from the ports ({SeaLaneRuleSource})";
                if (cape)
                {
                    text += uplift > 1
                        ? FormattableString.Invariant($"; round the Cape: the longer distance, and x{uplift} per km for the diverted services' higher speed (option on, A-SEA-CAPE)")
                        : "; round the Cape: CO2e grows with the longer distance only (the speed uplift option is off)";
                }

                return text;
            }));

        /// <summary>The untagged-links note, written once per list of links (the same links recur route after route).</summary>
        private string UntaggedText(List<string> links)
        {
            var hash = default(HashCode);
            foreach (string link in links)
            {
                hash.Add(link, StringComparer.Ordinal);
            }

            var key = (hash.ToHashCode(), links.Count, nameof(UntaggedText));
            if (_texts.TryGetValue(key, out string? known) && Lists(known, links))
            {
                return known;
            }

            string text = $"no traction tag on {string.Join(", ", links)}: costed as diesel ({TractionDefaultSource})";
            _texts.TryAdd(key, text);
            return text;
        }

        /// <summary>True when <paramref name="text"/> is the note for exactly these links (a hash can collide).</summary>
        private static bool Lists(string text, List<string> links)
        {
            ReadOnlySpan<char> rest = text.AsSpan("no traction tag on ".Length);
            for (int i = 0; i < links.Count; i++)
            {
                string separator = i + 1 < links.Count ? ", " : ":";
                if (!rest.StartsWith(links[i], StringComparison.Ordinal) || !rest[links[i].Length..].StartsWith(separator, StringComparison.Ordinal))
                {
                    return false;
                }

                rest = rest[(links[i].Length + separator.Length)..];
            }

            return true;
        }

        public string[] Finish()
        {
            if (_untagged.Count == 0 && _other.Count == 0 && _noGrid.Count == 0 && !(_gridUsed && GridYearUsed != _asOfYear))
            {
                return [];
            }

            var notes = new List<string>();
            if (_untagged.Count > 0)
            {
                notes.Add(UntaggedText(_untagged));
            }

            notes.AddRange(_other);
            if (_noGrid.Count > 0)
            {
                notes.Add($"no usable grid series for {string.Join(", ", _noGrid)}: electric km there costed as diesel ({GridFallbackSource})");
            }

            if (_gridUsed && GridYearUsed != _asOfYear)
            {
                notes.Add(_texts.GetOrAdd((_asOfYear, GridYearUsed, GridYearSource), key => FormattableString.Invariant(
                    $"grid intensities cover {_grid.FirstYear}-{_grid.LastYear}: the as-of year {key.Item1} uses {key.Item2}, the nearest ({GridYearSource})")));
            }

            return [.. notes];
        }
    }

    private sealed class Co2eCost(RoutingGraph graph, double[] kgPerLink) : ITransitionFreeCost
    {
        public double EdgeCost(int edge) => kgPerLink[graph.EdgeLinkIndex(edge)];

        public double TransitionCost(int inEdge, int node, int outEdge) => 0;
    }

    private sealed class PlaceAndKind : IEqualityComparer<(Place Place, HubKind Kind)>
    {
        public bool Equals((Place Place, HubKind Kind) x, (Place Place, HubKind Kind) y) => ReferenceEquals(x.Place, y.Place) && x.Kind == y.Kind;

        public int GetHashCode((Place Place, HubKind Kind) obj) => HashCode.Combine(System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj.Place), obj.Kind);
    }
}
