using Corridors.Domain.Dates;
using Corridors.Domain.Network;
using Corridors.Domain.Risk;
using Corridors.Domain.Routing;
using Corridors.Domain.TransitTime;

namespace Corridors.Domain.Scenarios;

/// <summary>
/// A scenario compiled against the baseline graph and measures: the few arrays and maps that differ, never a copy
/// of the graph and never a change to it. The baseline itself is the overlay with no changes. Immutable: queries on
/// different scenarios run concurrently on the same graph.
/// </summary>
public sealed class ScenarioOverlay
{
    private readonly RoutingGraph _graph;
    private readonly Dictionary<int, List<DateRange>> _closedLinks = [];
    private readonly Dictionary<int, List<DateRange>> _closedPlaces = [];
    private readonly Dictionary<int, DateOnly?> _openedLinks = [];
    private readonly Dictionary<(int Node, DwellKind Kind), Dwell> _dwells = [];
    private readonly Pert[] _movingHours;
    private readonly NodeDwells _nodeDwells;

    private ScenarioOverlay(RoutingGraph graph, SanctionsCatalog sanctions, Scenario? scenario, long version)
    {
        _graph = graph;
        Scenario = scenario;
        Version = version;
        _movingHours = graph.LinkMovingHours;
        _nodeDwells = graph.Dwells;
        Sanctions = sanctions;
        Risk = new SanctionRiskAssessor(sanctions);
        if (scenario is null)
        {
            FastestCost = TransitionCostTable.Of(graph, new TransitTimeCost(graph, this));
            UsabilityEpochs = new DateEpochs(UsabilityChangeDays());
            SearchSpaces = new SearchSpaceCache(UsabilityEpochs);
            Legs = new RouteLegTable(graph, this);
            return;
        }

        var moving = (Pert[])graph.LinkMovingHours.Clone();
        bool speedsChanged = false;
        var measures = sanctions.Measures.ToDictionary(m => m.Id, StringComparer.Ordinal);
        foreach (ScenarioChange change in scenario.Changes)
        {
            switch (change)
            {
                case ClosePlace c:
                    Add(_closedPlaces, graph.NodeOf(c.Place), c.When);
                    break;
                case CloseLink c:
                    Add(_closedLinks, LinkIndex(c.Link), c.When);
                    break;
                case SetDwell c:
                    _dwells[(graph.NodeOf(c.Place), c.Kind)] = new Dwell(c.Kind, c.Hours);
                    break;
                case SetLinkSpeed c:
                    int l = LinkIndex(c.Link);
                    double km = graph.LinkDistanceKm[l];
                    moving[l] = Pert.Of(km / c.SpeedKmh.Max, km / c.SpeedKmh.Typical, km / c.SpeedKmh.Min);
                    speedsChanged = true;
                    break;
                case OpenLink c:
                    _openedLinks[LinkIndex(c.Link)] = c.Opens;
                    break;
                case LiftMeasure c:
                    Measure lifted = measures[c.MeasureId];
                    if (c.From is { } from && from > lifted.EffectiveFrom)
                    {
                        measures[c.MeasureId] = lifted with { EffectiveTo = lifted.EffectiveTo is { } to && to < from ? to : from };
                    }
                    else
                    {
                        measures.Remove(c.MeasureId);
                    }

                    break;
                case RedateMeasure c:
                    measures[c.MeasureId] = measures[c.MeasureId] with { EffectiveFrom = c.EffectiveFrom, EffectiveTo = c.EffectiveTo };
                    break;
                case AddMeasure c:
                    measures[c.Measure.Id] = c.Measure;
                    break;
                default:
                    throw new InvalidOperationException($"Unknown change {change.GetType().Name}.");
            }
        }

        if (speedsChanged)
        {
            _movingHours = moving;
        }

        if (_dwells.Count > 0)
        {
            _nodeDwells = new NodeDwells(graph.Network, (node, kind) =>
                _dwells.TryGetValue((node, kind), out Dwell? d) ? d : graph.NodePlace(node).DwellOf(kind));
        }

        Sanctions = new SanctionsCatalog(sanctions.Coverage, sanctions.Regimes, sanctions.Operators, measures.Values, sanctions.GoodsLists);
        Risk = new SanctionRiskAssessor(Sanctions);
        FastestCost = TransitionCostTable.Of(graph, new TransitTimeCost(graph, this));
        UsabilityEpochs = new DateEpochs(UsabilityChangeDays());
        SearchSpaces = new SearchSpaceCache(UsabilityEpochs);
        Legs = new RouteLegTable(graph, this);
    }

    /// <summary>The baseline: no changes.</summary>
    public static ScenarioOverlay Baseline(RoutingGraph graph, SanctionsCatalog sanctions) => new(graph, sanctions, null, 0);

    /// <summary>Compiles a validated scenario (see <see cref="ScenarioJson.Parse"/>) at a version.</summary>
    public static ScenarioOverlay Compile(Scenario scenario, long version, RoutingGraph graph, SanctionsCatalog sanctions)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(sanctions);
        return new ScenarioOverlay(graph, sanctions, scenario, version);
    }

    /// <summary>Null for the baseline.</summary>
    public Scenario? Scenario { get; }

    /// <summary>The scenario's version (0 for the baseline): caches key on id and version.</summary>
    public long Version { get; }

    public bool IsBaseline => Scenario is null;

    /// <summary>The measures with the scenario's changes.</summary>
    public SanctionsCatalog Sanctions { get; }

    /// <summary>Risk assessed against <see cref="Sanctions"/>.</summary>
    public SanctionRiskAssessor Risk { get; }

    /// <summary>
    /// The fastest objective's cost (<see cref="TransitTimeCost"/> with this overlay's speeds and dwells) as a table,
    /// built with the overlay: it depends on nothing else, so every fastest search under the overlay shares it.
    /// </summary>
    internal TransitionCostTable FastestCost { get; }

    /// <summary>
    /// The epochs of <see cref="IsLinkUsable"/> and <see cref="IsPlaceClosed"/>: both compare the as-of date only with
    /// the days links open and close and the overlay's closures start and end, so they answer alike on every date of
    /// an epoch.
    /// </summary>
    internal DateEpochs UsabilityEpochs { get; }

    /// <summary>Search spaces shared by the overlay's queries without avoid lists, per corridor and epoch.</summary>
    internal SearchSpaceCache SearchSpaces { get; }

    /// <summary>The legs of this overlay's routes, shared by every route that travels an edge the same way.</summary>
    internal RouteLegTable Legs { get; }

    /// <summary>Whether the scenario closes something on the date (for diagnosis).</summary>
    public bool ClosesAnythingOn(DateOnly date) =>
        _closedLinks.Values.Any(r => r.Any(x => x.Contains(date))) || _closedPlaces.Values.Any(r => r.Any(x => x.Contains(date)));

    /// <summary>What the scenario closes on the date, for explanations.</summary>
    public IEnumerable<string> ClosuresOn(DateOnly date) =>
        _closedPlaces.Where(kv => kv.Value.Any(r => r.Contains(date))).Select(kv => $"{_graph.NodePlace(kv.Key).Id} ({kv.Value.First(r => r.Contains(date))})")
            .Concat(_closedLinks.Where(kv => kv.Value.Any(r => r.Contains(date))).Select(kv => $"{_graph.Network.Links[kv.Key].Id} ({kv.Value.First(r => r.Contains(date))})"))
            .Order(StringComparer.Ordinal);

    internal Pert MovingHours(int link) => _movingHours[link];

    internal Pert DwellHours(int node, DwellSet triggered) => _nodeDwells.Hours(node, triggered);

    internal Dwell? DwellOf(int node, DwellKind kind) =>
        _dwells.TryGetValue((node, kind), out Dwell? dwell) ? dwell : _graph.NodePlace(node).DwellOf(kind);

    /// <summary>Is the link usable on the date, with the scenario's closures and openings?</summary>
    internal bool IsLinkUsable(int link, DateOnly asOf, bool includePlanned, bool ignoreDates, bool ignoreClosures)
    {
        if (!ignoreClosures && _closedLinks.TryGetValue(link, out List<DateRange>? closed) && AnyContains(closed, asOf))
        {
            return false;
        }

        if (_openedLinks.TryGetValue(link, out DateOnly? opens))
        {
            return ignoreDates || opens is null || asOf >= opens;
        }

        Link baseline = _graph.Network.Links[link];
        return ignoreDates ? baseline.Status != LinkStatus.Closed : baseline.IsUsableOn(asOf, includePlanned);
    }

    internal bool IsPlaceClosed(int node, DateOnly asOf) =>
        _closedPlaces.TryGetValue(node, out List<DateRange>? closed) && AnyContains(closed, asOf);

    // A loop, not a lambda: a lambda capturing the date would allocate on every call of these hot-path methods.
    private static bool AnyContains(List<DateRange> ranges, DateOnly date)
    {
        foreach (DateRange range in ranges)
        {
            if (range.Contains(date))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Every day on which <see cref="IsLinkUsable"/> or <see cref="IsPlaceClosed"/> may answer differently from the day before.</summary>
    private IEnumerable<DateOnly> UsabilityChangeDays()
    {
        foreach (Link link in _graph.Network.Links)
        {
            if (link.Opens is not null)
            {
                yield return link.Opens.Date;
            }

            if (link.Closes is not null)
            {
                yield return link.Closes.Date;
            }
        }

        foreach (DateOnly? opens in _openedLinks.Values)
        {
            if (opens is { } day)
            {
                yield return day;
            }
        }

        foreach (DateRange range in _closedLinks.Values.Concat(_closedPlaces.Values).SelectMany(r => r))
        {
            if (range.From is { } from)
            {
                yield return from;
            }

            if (range.To is { } to)
            {
                yield return to;
            }
        }
    }

    private int LinkIndex(LinkId id) => _graph.TryGetLinkIndex(id, out int index)
        ? index
        : throw new ArgumentException($"Unknown link {id}: parse scenarios with ScenarioJson.Parse first.", nameof(id));

    private static void Add(Dictionary<int, List<DateRange>> map, int key, DateRange range)
    {
        if (!map.TryGetValue(key, out List<DateRange>? list))
        {
            map[key] = list = [];
        }

        list.Add(range);
    }
}
