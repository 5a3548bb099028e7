using Corridors.Domain.Network;
using Corridors.Domain.Routing;

namespace Corridors.Domain.Risk;

/// <summary>How the routing cost treats edges and places touched by a prohibiting measure.</summary>
public enum ProhibitedEdges
{
    /// <summary>Scored like any other exposure (lowest-risk routing may still return a prohibited route, which the assessment then flags).</summary>
    Scored,

    /// <summary>Cost +∞: the search never uses them ("allowed only").</summary>
    Forbidden,
}

/// <summary>
/// Sanction risk of routes for a perspective (method and worked example in <c>networks/sanctions/README.md</c>).
/// A measure applies when it is in force on the as-of date, reaches the shipper (its regime binds the shipper, or,
/// for secondary sanctions, does not), concerns the cargo class and its direction holds for the route's origin and
/// destination. Each applicable measure adds weight(severity) points per 1000 km of the route inside its target
/// (and 100 km-equivalent per pass through a targeted place); the score is 100 × (1 − e^(−points/25)).
/// Safe to share: its only state is the <see cref="MeasureFootprints"/> of its catalog, worked out on first use.
/// </summary>
public sealed class SanctionRiskAssessor
{
    /// <summary>Points at which the score reaches 1 − 1/e ≈ 63 (assumption A-SAN-SCORE).</summary>
    public const double ScaleExposurePoints = 25.0;

    /// <summary>Km of exposure a pass through a targeted place counts as (assumption A-SAN-PLACE-KM).</summary>
    public const double PlaceTouchKmEquivalent = 100.0;

    /// <summary>Lower bounds of the levels: elevated from 25, high from 50, severe from 75.</summary>
    public const double ElevatedFromScore = 25.0;
    public const double HighFromScore = 50.0;
    public const double SevereFromScore = 75.0;

    /// <summary>At most this many exposure models are kept (one per shipper, in-force epoch and pair of countries).</summary>
    private const int MaxModels = 4096;

    private MeasureFootprints? _footprints;

    /// <summary>
    /// The measures that apply, per shipper (regimes, cargo, HS code), in-force epoch of the date, and origin and
    /// destination country: the same for every route of a query and every query alike, and for every date between two
    /// days on which a measure enters into force or ceases to apply, so made once rather than for each route or date.
    /// </summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<ModelKey, ExposureModel> _models = new();

    private readonly record struct ModelKey(int Regimes, CargoClass Cargo, HsCode? HsCode, int InForceEpoch, string Origin, string Destination);

    public SanctionRiskAssessor(SanctionsCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        Catalog = catalog;
    }

    public SanctionsCatalog Catalog { get; }

    /// <summary>0–100 from exposure points: 100 × (1 − e^(−points / 25)); strictly increasing, 0 at 0 points.</summary>
    public static double ScoreOf(double exposurePoints)
    {
        if (double.IsNaN(exposurePoints) || exposurePoints < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(exposurePoints), exposurePoints, "Exposure points are non-negative.");
        }

        return double.IsPositiveInfinity(exposurePoints) ? 100.0 : 100.0 * (1.0 - Math.Exp(-exposurePoints / ScaleExposurePoints));
    }

    public static RiskLevel LevelOf(double score) => score switch
    {
        >= SevereFromScore => RiskLevel.Severe,
        >= HighFromScore => RiskLevel.High,
        >= ElevatedFromScore => RiskLevel.Elevated,
        _ => RiskLevel.Low,
    };

    /// <summary>The measures that apply to a shipment from <paramref name="origin"/> to <paramref name="destination"/>, ordered by id.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The perspective's as-of date is before the data's range.</exception>
    public IReadOnlyList<Measure> ApplicableMeasures(Perspective perspective, Place origin, Place destination)
    {
        ArgumentNullException.ThrowIfNull(origin);
        ArgumentNullException.ThrowIfNull(destination);
        return Model(perspective, origin, destination).Applicable;
    }

    /// <summary>The risk of a route: score, level, verdict and every applicable measure that touches it.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The perspective's as-of date is before the data's range.</exception>
    public RouteRisk Assess(Route route, Perspective perspective)
    {
        ArgumentNullException.ThrowIfNull(route);
        ExposureModel model = Model(perspective, route.Origin, route.Destination);
        List<Place> places = [.. route.Places];
        var dwellHoursAt = new Dictionary<PlaceId, double>();
        foreach (var dwell in route.Dwells)
        {
            dwellHoursAt[dwell.Place.Id] = dwellHoursAt.GetValueOrDefault(dwell.Place.Id) + dwell.P50Hours;
        }

        var exposures = new List<MeasureExposure>();
        foreach (Measure measure in model.Applicable)
        {
            var links = new List<LinkId>();
            double km = 0;
            double hours = 0;
            foreach (RouteLeg leg in route.Legs)
            {
                if (model.TouchedKm(measure, leg.Link) is { } touched)
                {
                    links.Add(leg.Link.Id);
                    km += touched;
                    hours += leg.P50Hours * (leg.DistanceKm > 0 ? touched / leg.DistanceKm : 0);
                }
            }

            var touchedPlaces = new List<PlaceId>();
            double placeKm = 0;
            foreach (Place place in places)
            {
                if (ExposureModel.PlaceTouched(measure, place))
                {
                    touchedPlaces.Add(place.Id);
                    hours += dwellHoursAt.GetValueOrDefault(place.Id);
                    placeKm += ExposureModel.PlaceKm(measure, place) ?? 0;
                }
            }

            if (links.Count == 0 && touchedPlaces.Count == 0)
            {
                continue;
            }

            exposures.Add(new MeasureExposure(
                measure, links, touchedPlaces, km, hours / 24.0, ExposureModel.Points(measure, km + placeKm))
            {
                Assumption = AssumptionOf(measure, route.Origin, route.Destination),
            });
        }

        return RiskOf(exposures, perspective);
    }

    /// <summary>
    /// <see cref="Assess(Route, Perspective)"/> for a route with these <paramref name="legs"/>, built from
    /// <paramref name="edges"/> of <paramref name="graph"/>: the same exposures, sums taken in the same order, with
    /// where each measure touches read from the catalog's <see cref="MeasureFootprints"/> instead of tested leg by leg.
    /// </summary>
    internal RouteRisk Assess(IReadOnlyList<RouteLeg> legs, Perspective perspective, RoutingGraph graph, int[] edges)
    {
        Place origin = legs[0].From;
        Place destination = legs[^1].To;
        ExposureModel model = Model(perspective, origin, destination);
        MeasureFootprints footprints = FootprintsOn(graph);

        // The path's links and places (origin first), and the median dwell hours per place summed in route order
        // (a leg's dwells are at its start; the last leg's also at the destination).
        Span<int> linkAt = stackalloc int[edges.Length];
        Span<int> nodeAt = stackalloc int[edges.Length + 1];
        Span<double> dwellHoursAt = stackalloc double[graph.NodeCount];
        nodeAt[edges.Length] = graph.EdgeTo(edges[^1]);
        for (int i = 0; i < edges.Length; i++)
        {
            linkAt[i] = graph.EdgeLinkIndex(edges[i]);
            nodeAt[i] = graph.EdgeFrom(edges[i]);
            IReadOnlyList<AppliedDwell> dwells = legs[i].Dwells;
            for (int d = 0; d < dwells.Count; d++)
            {
                int node = ReferenceEquals(dwells[d].Place, graph.NodePlace(nodeAt[i])) ? nodeAt[i] : nodeAt[edges.Length];
                dwellHoursAt[node] += dwells[d].P50Hours;
            }
        }

        List<MeasureExposure>? exposures = null;
        for (int k = 0; k < model.Applicable.Count; k++)
        {
            Measure measure = model.Applicable[k];
            ReadOnlySpan<double> touchedKm = footprints.TouchedKm(model.ApplicableIndices[k]);
            ReadOnlySpan<bool> placeTouched = footprints.PlaceTouched(model.ApplicableIndices[k]);
            ReadOnlySpan<double> placeKmOf = footprints.PlaceKm(model.ApplicableIndices[k]);
            List<LinkId>? links = null;
            double km = 0;
            double hours = 0;
            for (int i = 0; i < linkAt.Length; i++)
            {
                double touched = touchedKm[linkAt[i]];
                if (!double.IsNaN(touched))
                {
                    RouteLeg leg = legs[i];
                    (links ??= []).Add(leg.Link.Id);
                    km += touched;
                    hours += leg.P50Hours * (leg.DistanceKm > 0 ? touched / leg.DistanceKm : 0);
                }
            }

            List<PlaceId>? touchedPlaces = null;
            double placeKm = 0;
            foreach (int node in nodeAt)
            {
                if (placeTouched[node])
                {
                    (touchedPlaces ??= []).Add(graph.NodePlace(node).Id);
                    hours += dwellHoursAt[node];
                    placeKm += placeKmOf[node];
                }
            }

            if (links is null && touchedPlaces is null)
            {
                continue;
            }

            (exposures ??= []).Add(new MeasureExposure(
                measure, links ?? [], touchedPlaces ?? [], km, hours / 24.0, ExposureModel.Points(measure, km + placeKm))
            {
                Assumption = AssumptionOf(measure, origin, destination),
            });
        }

        return RiskOf(exposures ?? [], perspective);
    }

    /// <summary>The footprints of this assessor's catalog on the graph, worked out on first use (and again for another graph).</summary>
    private MeasureFootprints FootprintsOn(RoutingGraph graph)
    {
        MeasureFootprints? known = Volatile.Read(ref _footprints);
        if (known is not null && ReferenceEquals(known.Graph, graph))
        {
            return known;
        }

        var built = new MeasureFootprints(Catalog, graph);
        Interlocked.CompareExchange(ref _footprints, built, known);
        return built;
    }

    private static string? AssumptionOf(Measure measure, Place origin, Place destination) => measure.Direction switch
    {
        TradeDirection.ExportFromRegime => $"the goods are taken to be exported from the {measure.Regime} (the origin, {origin.CountryCode}, is in its territory)",
        TradeDirection.ImportToRegime => $"the goods are taken to be imported into the {measure.Regime} (the destination, {destination.CountryCode}, is in its territory)",
        _ => null,
    };

    /// <summary>Score, level and verdict of the exposures (in measure order), the measures that prohibit or need a licence.</summary>
    private RouteRisk RiskOf(IReadOnlyList<MeasureExposure> exposures, Perspective perspective)
    {
        double points = 0;
        List<string>? prohibiting = null;
        List<string>? licensing = null;
        foreach (MeasureExposure exposure in exposures)
        {
            points += exposure.Points;
            if (exposure.Measure.Prohibits)
            {
                (prohibiting ??= []).Add(exposure.Measure.Id);
            }

            if (exposure.Measure.Licence is not null)
            {
                (licensing ??= []).Add(exposure.Measure.Id);
            }
        }

        double score = ScoreOf(points);
        RiskVerdict verdict = prohibiting is not null ? RiskVerdict.Prohibited
            : licensing is not null ? RiskVerdict.LicenceRequired
            : RiskVerdict.Allowed;
        return new RouteRisk(
            score,
            LevelOf(score),
            verdict,
            prohibiting ?? [],
            points,
            exposures,
            perspective,
            Catalog.Coverage.BasisOn(perspective.AsOf),
            Catalog.Coverage.ReviewedOn)
        {
            LicensingMeasureIds = licensing ?? [],
        };
    }

    /// <summary>
    /// The routing cost for lowest sanction risk: per directed edge, the exposure points of its link; per place
    /// passed, the points of targeted places. Non-negative and additive, and a route's summed cost equals its
    /// <see cref="RouteRisk.ExposurePoints"/>, so the lowest-cost route is the lowest-score route
    /// (<see cref="ScoreOf"/> is increasing). With <see cref="ProhibitedEdges.Forbidden"/>, links and places touched
    /// by a prohibiting measure cost +∞ ("allowed only").
    /// </summary>
    /// <param name="origin">The shipment's origin: direction rules (e.g. EU exports) depend on it.</param>
    /// <param name="destination">The shipment's destination: direction rules (e.g. exports to Russia) depend on it.</param>
    /// <exception cref="ArgumentException">Origin or destination is not a place of the graph.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The perspective's as-of date is before the data's range.</exception>
    public IRouteCost CostFor(
        RoutingGraph graph,
        Perspective perspective,
        PlaceId origin,
        PlaceId destination,
        ProhibitedEdges prohibited = ProhibitedEdges.Scored)
    {
        ArgumentNullException.ThrowIfNull(graph);
        if (!graph.Network.TryGetPlace(origin, out Place from))
        {
            throw new ArgumentException($"Unknown origin '{origin}'.", nameof(origin));
        }

        if (!graph.Network.TryGetPlace(destination, out Place to))
        {
            throw new ArgumentException($"Unknown destination '{destination}'.", nameof(destination));
        }

        return new SanctionExposureCost(graph, Model(perspective, from, to), prohibited);
    }

    internal ExposureModel Model(Perspective perspective, Place origin, Place destination)
    {
        ArgumentNullException.ThrowIfNull(perspective);
        if (perspective.AsOf < Catalog.Coverage.From)
        {
            throw new ArgumentOutOfRangeException(nameof(perspective), perspective.AsOf,
                $"The measures are collected from {Catalog.Coverage.From:yyyy-MM-dd}; validate the as-of date with AsOfRange first.");
        }

        var key = new ModelKey(
            perspective.RegimeBits, perspective.Cargo, perspective.HsCode, Catalog.InForceEpochOf(perspective.AsOf), origin.CountryCode, destination.CountryCode);
        if (_models.TryGetValue(key, out ExposureModel? known))
        {
            return known;
        }

        if (_models.Count >= MaxModels)
        {
            _models.Clear(); // bounded: callers may ask for any shipper and pair; the models are cheap to rebuild, just not per route
        }

        return _models.GetOrAdd(key, new ExposureModel(Catalog, perspective, origin.CountryCode, destination.CountryCode));
    }
}

/// <summary>Exposure points per directed edge and per place, precomputed once per query (the graph is shared and immutable).</summary>
internal sealed class SanctionExposureCost : IRouteCost
{
    private readonly RoutingGraph _graph;
    private readonly double[] _linkCost;
    private readonly double[] _nodeCost;

    public SanctionExposureCost(RoutingGraph graph, ExposureModel model, ProhibitedEdges prohibited)
    {
        _graph = graph;
        CorridorNetwork network = graph.Network;
        _linkCost = new double[network.Links.Count];
        for (int l = 0; l < _linkCost.Length; l++)
        {
            Link link = network.Links[l];
            double points = 0;
            foreach (Measure measure in model.Applicable)
            {
                if (model.TouchedKm(measure, link) is { } km)
                {
                    points += ExposureModel.Points(measure, km);
                    if (measure.Prohibits && prohibited == ProhibitedEdges.Forbidden)
                    {
                        points = double.PositiveInfinity;
                    }
                }
            }

            _linkCost[l] = points;
        }

        _nodeCost = new double[graph.NodeCount];
        for (int n = 0; n < _nodeCost.Length; n++)
        {
            Place place = graph.NodePlace(n);
            double points = 0;
            foreach (Measure measure in model.Applicable)
            {
                if (ExposureModel.PlaceKm(measure, place) is { } km)
                {
                    points += ExposureModel.Points(measure, km);
                    if (measure.Prohibits && prohibited == ProhibitedEdges.Forbidden)
                    {
                        points = double.PositiveInfinity;
                    }
                }
            }

            _nodeCost[n] = points;
        }
    }

    public double EdgeCost(int edge) => _linkCost[_graph.EdgeLinkIndex(edge)];

    public double TransitionCost(int inEdge, int node, int outEdge) => _nodeCost[node];
}
