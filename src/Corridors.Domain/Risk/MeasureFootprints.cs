using Corridors.Domain.Network;
using Corridors.Domain.Routing;

namespace Corridors.Domain.Risk;

/// <summary>
/// Where each measure of a catalog touches a graph: km of each link inside its target and the places it names or
/// whose country it targets, worked out once per catalog and graph with <see cref="ExposureModel"/>'s own rules.
/// None of it depends on the shipper, the cargo or the date (those decide which measures apply, not where a measure
/// touches), so every assessment under the catalog reads it instead of testing each measure against each leg.
/// </summary>
/// <remarks>About 20 measures × (257 links + 2 × 180 places) numbers on the real network: some 100 KB per catalog.</remarks>
internal sealed class MeasureFootprints
{
    private readonly int _linkCount;
    private readonly int _nodeCount;
    private readonly double[] _touchedKm;  // [measure × links + link]: NaN where the measure does not touch the link
    private readonly bool[] _placeTouched; // [measure × nodes + node]
    private readonly double[] _placeKm;    // [measure × nodes + node]: 0 where the place adds no km-equivalent

    public MeasureFootprints(SanctionsCatalog catalog, RoutingGraph graph)
    {
        Graph = graph;
        IReadOnlyList<Measure> measures = catalog.Measures;
        var model = new ExposureModel(catalog);
        _linkCount = graph.Network.Links.Count;
        _nodeCount = graph.NodeCount;
        _touchedKm = new double[measures.Count * _linkCount];
        _placeTouched = new bool[measures.Count * _nodeCount];
        _placeKm = new double[measures.Count * _nodeCount];
        for (int m = 0; m < measures.Count; m++)
        {
            for (int l = 0; l < _linkCount; l++)
            {
                _touchedKm[m * _linkCount + l] = model.TouchedKm(measures[m], graph.Network.Links[l]) ?? double.NaN;
            }

            for (int n = 0; n < _nodeCount; n++)
            {
                Place place = graph.NodePlace(n);
                _placeTouched[m * _nodeCount + n] = ExposureModel.PlaceTouched(measures[m], place);
                _placeKm[m * _nodeCount + n] = ExposureModel.PlaceKm(measures[m], place) ?? 0;
            }
        }
    }

    /// <summary>The graph the footprints are indexed by.</summary>
    public RoutingGraph Graph { get; }

    /// <summary>Per link, km inside the target of the measure (its index in the catalog), NaN where it does not touch the link.</summary>
    public ReadOnlySpan<double> TouchedKm(int measure) => _touchedKm.AsSpan(measure * _linkCount, _linkCount);

    /// <summary>Per place, whether the measure touches it (its place target, or a place in its target country).</summary>
    public ReadOnlySpan<bool> PlaceTouched(int measure) => _placeTouched.AsSpan(measure * _nodeCount, _nodeCount);

    /// <summary>Per place, the km-equivalent passing through it adds (0 unless it is the measure's place target).</summary>
    public ReadOnlySpan<double> PlaceKm(int measure) => _placeKm.AsSpan(measure * _nodeCount, _nodeCount);
}
