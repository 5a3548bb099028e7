using Corridors.Domain.Emissions;
using Corridors.Domain.Network;
using Corridors.Domain.Risk;
using Corridors.Domain.TransitTime;
using NetTopologySuite.Geometries;

namespace Corridors.Domain.Routing;

/// <summary>A dwell a route incurs at a place.</summary>
public sealed record AppliedDwell(Place Place, Dwell Dwell)
{
    public DwellKind Kind => Dwell.Kind;

    public RangeFigure Hours => Dwell.Hours;

    /// <summary>Median hours, the dwell's contribution to the route's P50.</summary>
    public double P50Hours => Dwell.Distribution.P50;
}

/// <summary>
/// One link travelled in one direction. <see cref="Dwells"/> are incurred at <see cref="From"/> before departure;
/// the last leg also carries the dwells at the destination on arrival, so legs add up to the route.
/// </summary>
public sealed record RouteLeg(
    Place From,
    Place To,
    Link Link,
    bool Forward,
    Pert MovingHours,
    IReadOnlyList<AppliedDwell> Dwells)
{
    public TransportMode Mode => Link.Mode;

    public double DistanceKm => Link.DistanceKm.Value;

    /// <summary>Median moving hours on the link (its contribution to the route's P50).</summary>
    public double P50Hours => MovingHours.P50;

    /// <summary>Median hours of the leg's dwells (their contribution to the route's P50).</summary>
    public double DwellHours => Dwells.Sum(d => d.P50Hours);
}

/// <summary>Kilometres travelled in a country (links crossing several countries are split equally among them).</summary>
public sealed record CountryKm(string CountryCode, double DistanceKm);

/// <summary>A route with the metrics users compare.</summary>
public sealed record Route
{
    private readonly RouteGeometry _geometry;

    public Route(
        IReadOnlyList<RouteLeg> legs,
        double distanceKm,
        TransitDays transitDays,
        int borderCrossings,
        int gaugeBreaks,
        IReadOnlyDictionary<TransportMode, double> modeKm,
        IReadOnlyList<CountryKm> countries,
        IReadOnlyList<CorridorId> corridorsUsed,
        LineString geometry,
        IReadOnlyList<string> notes)
        : this(legs, distanceKm, transitDays, borderCrossings, gaugeBreaks, modeKm, countries, corridorsUsed, RouteGeometry.Of(geometry), notes)
    {
    }

    /// <summary>A route whose geometry is built from its path the first time a caller reads it.</summary>
    internal Route(
        IReadOnlyList<RouteLeg> legs,
        double distanceKm,
        TransitDays transitDays,
        int borderCrossings,
        int gaugeBreaks,
        IReadOnlyDictionary<TransportMode, double> modeKm,
        IReadOnlyList<CountryKm> countries,
        IReadOnlyList<CorridorId> corridorsUsed,
        RouteGeometry geometry,
        IReadOnlyList<string> notes)
    {
        Legs = legs;
        DistanceKm = distanceKm;
        TransitDays = transitDays;
        BorderCrossings = borderCrossings;
        GaugeBreaks = gaugeBreaks;
        ModeKm = modeKm;
        Countries = countries;
        CorridorsUsed = corridorsUsed;
        _geometry = geometry;
        Notes = notes;
    }

    public IReadOnlyList<RouteLeg> Legs { get; init; }

    public double DistanceKm { get; init; }

    public TransitDays TransitDays { get; init; }

    public int BorderCrossings { get; init; }

    public int GaugeBreaks { get; init; }

    public IReadOnlyDictionary<TransportMode, double> ModeKm { get; init; }

    public IReadOnlyList<CountryKm> Countries { get; init; }

    public IReadOnlyList<CorridorId> CorridorsUsed { get; init; }

    /// <summary>
    /// The route's line, link geometries joined in travel order. Built on first read and then kept: most answers
    /// (comparisons, matrices, candidates checked against a risk cap) are never drawn, and the line is the largest
    /// part of a route. Safe to read from several threads.
    /// </summary>
    public LineString Geometry
    {
        get => _geometry.Line;
        init => _geometry = RouteGeometry.Of(value);
    }

    public IReadOnlyList<string> Notes { get; init; }

    /// <summary>The links not yet built that the route relies on, in route order (empty for a route on operational links only).</summary>
    public IEnumerable<Link> ForecastLinks => Legs.Select(l => l.Link).Where(l => l.IsForecast).Distinct();

    public Place Origin => Legs[0].From;

    public Place Destination => Legs[^1].To;

    /// <summary>The places visited in order, origin first.</summary>
    public IEnumerable<Place> Places => Legs.Select(l => l.From).Append(Destination);

    public IEnumerable<AppliedDwell> Dwells => Legs.SelectMany(l => l.Dwells);

    /// <summary>Sanction risk for the query's perspective; set by the router on every route it returns.</summary>
    public RouteRisk? SanctionRisk { get; init; }

    /// <summary>CO2e for the query's payload; set by the router on every route it returns.</summary>
    public RouteEmissions? Emissions { get; init; }
}

/// <summary>Builds a <see cref="Route"/> with its metrics from a path of directed edges.</summary>
internal static class RouteBuilder
{
    /// <summary>
    /// The route of a path under an overlay. Legs come from the overlay's <see cref="RouteLegTable"/>; the sums run
    /// leg by leg in route order (distance, moving time then dwells, km per mode and per country), so each total is
    /// the same double whatever the route is built from.
    /// </summary>
    public static Route Build(RoutingGraph graph, int[] edges, GeometryFactory geometryFactory, Scenarios.ScenarioOverlay overlay) =>
        Build(graph, edges, Legs(graph, edges, overlay), geometryFactory, risk: null, emissions: null);

    /// <summary>The legs of a path, from the overlay's <see cref="RouteLegTable"/>.</summary>
    public static RouteLeg[] Legs(RoutingGraph graph, int[] edges, Scenarios.ScenarioOverlay overlay)
    {
        if (edges.Length == 0)
        {
            throw new ArgumentException("A route has at least one edge.", nameof(edges));
        }

        var legs = new RouteLeg[edges.Length];
        for (int i = 0; i < edges.Length; i++)
        {
            legs[i] = overlay.Legs.Get(i == 0 ? DwellRules.NoEdge : edges[i - 1], edges[i], last: i == edges.Length - 1);
        }

        return legs;
    }

    /// <summary>The route of a path and its legs, with its risk and CO2e when known.</summary>
    public static Route Build(RoutingGraph graph, int[] edges, RouteLeg[] legs, GeometryFactory geometryFactory, RouteRisk? risk, RouteEmissions? emissions)
    {
        Pert total = Pert.Zero;
        double distanceKm = 0;
        int gaugeBreaks = 0;
        int borderCrossings = 0;
        Span<double> modeKm = stackalloc double[ModeCount];
        Span<bool> modeUsed = stackalloc bool[ModeCount];
        Span<double> countryKm = stackalloc double[graph.CountryCodes.Length];
        Span<bool> countryUsed = stackalloc bool[graph.CountryCodes.Length];
        Span<bool> corridorUsed = stackalloc bool[graph.LinkCorridorIds.Length];
        bool forecast = false;

        for (int i = 0; i < edges.Length; i++)
        {
            int e = edges[i];
            int inEdge = i == 0 ? DwellRules.NoEdge : edges[i - 1];
            RouteLeg leg = legs[i];
            if (inEdge != DwellRules.NoEdge && graph.GaugeBreaks[graph.TransitionIndex(inEdge, e)])
            {
                gaugeBreaks++;
            }

            int link = graph.EdgeLinkIndex(e);
            if (graph.LinkCrossesBorder[link])
            {
                borderCrossings++;
            }

            total += leg.MovingHours;
            for (int d = 0; d < leg.Dwells.Count; d++)
            {
                total += leg.Dwells[d].Dwell.Distribution;
            }

            double km = graph.LinkDistanceKm[link];
            distanceKm += km;
            int mode = (int)graph.LinkMode[link];
            modeKm[mode] += km;
            modeUsed[mode] = true;
            int[] countries = graph.LinkCountries[link];
            foreach (int country in countries)
            {
                countryKm[country] += km / countries.Length;
                countryUsed[country] = true;
            }

            foreach (int corridor in graph.LinkCorridorIdIndices[link])
            {
                corridorUsed[corridor] = true;
            }

            forecast |= leg.Link.IsForecast;
        }

        return new Route(
            legs,
            distanceKm,
            TransitDistribution.FromHours(total),
            borderCrossings,
            gaugeBreaks,
            ModeKmOf(modeKm, modeUsed),
            CountriesOf(graph, countryKm, countryUsed),
            CorridorsOf(graph, corridorUsed),
            RouteGeometry.Lazy(graph, edges, geometryFactory),
            forecast ? ForecastNotes(graph.Network, legs) : [])
        {
            SanctionRisk = risk,
            Emissions = emissions,
        };
    }

    private static readonly int ModeCount = Enum.GetValues<TransportMode>().Length;

    private static ModeDistances ModeKmOf(ReadOnlySpan<double> km, ReadOnlySpan<bool> used)
    {
        int count = 0;
        foreach (bool u in used)
        {
            count += u ? 1 : 0;
        }

        var modes = new TransportMode[count];
        var values = new double[count];
        for (int m = 0, k = 0; m < used.Length; m++)
        {
            if (used[m])
            {
                modes[k] = (TransportMode)m;
                values[k++] = km[m];
            }
        }

        return new ModeDistances(modes, values);
    }

    private static CountryKm[] CountriesOf(RoutingGraph graph, ReadOnlySpan<double> km, ReadOnlySpan<bool> used)
    {
        int count = 0;
        foreach (bool u in used)
        {
            count += u ? 1 : 0;
        }

        var countries = new CountryKm[count];
        int k = 0;
        foreach (int country in graph.CountriesByCode)
        {
            if (used[country])
            {
                countries[k++] = new CountryKm(graph.CountryCodes[country], km[country]);
            }
        }

        return countries;
    }

    private static CorridorId[] CorridorsOf(RoutingGraph graph, ReadOnlySpan<bool> used)
    {
        int count = 0;
        foreach (bool u in used)
        {
            count += u ? 1 : 0;
        }

        var corridors = new CorridorId[count];
        for (int c = 0, k = 0; c < used.Length; c++)
        {
            if (used[c])
            {
                corridors[k++] = graph.LinkCorridorIds[c];
            }
        }

        return corridors;
    }

    /// <summary>
    /// One note per group of not-yet-built links (same corridor, status and forecast date), naming the links, the
    /// forecast and its provenance: a route over them is only as good as the forecast.
    /// </summary>
    private static string[] ForecastNotes(CorridorNetwork network, RouteLeg[] legs)
    {
        var notes = new List<string>();
        var groups = legs.Select(l => l.Link).Where(l => l.IsForecast).Distinct()
            .GroupBy(l => (Corridor: l.Corridors.Count > 0 ? l.Corridors[0] : CorridorId.Access, l.Status, Opens: l.Opens?.Date));
        foreach (var group in groups)
        {
            string corridor = network.TryGetCorridor(group.Key.Corridor, out Corridor c) ? c.Name : group.Key.Corridor.Value;
            string links = string.Join(", ", group.Select(l => l.Id.Value));
            string status = EnumNames.ToKebab(group.Key.Status).Replace('-', ' ');
            Link first = group.First();
            notes.Add(first.Opens is { } opens
                ? $"{corridor}: {links} {(group.Count() == 1 ? "is" : "are")} {status}, forecast to open {opens.Date:yyyy-MM-dd} ({Describe(opens.Provenance)}); the route assumes the forecast holds"
                : $"{corridor}: {links} {(group.Count() == 1 ? "is" : "are")} {status} with no forecast opening date; used only because planned links were included");
        }

        return [.. notes];
    }

    private static string Describe(Provenance provenance) =>
        provenance.DerivedMethod is { } method ? "derived: " + method : "sources " + string.Join(", ", provenance.SourceIds);
}
