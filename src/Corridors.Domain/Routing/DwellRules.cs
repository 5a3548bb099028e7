using Corridors.Domain.Network;
using Corridors.Domain.TransitTime;

namespace Corridors.Domain.Routing;

/// <summary>
/// Which dwells a route incurs at a place, derived from how it arrives and leaves (networks/README.md, "Dwell"):
/// the network stores dwell times per place, the route's shape decides which of them apply.
/// </summary>
public static class DwellRules
{
    /// <summary>Sentinel for "no edge": the route starts (incoming) or ends (outgoing) at the place.</summary>
    public const int NoEdge = -1;

    /// <summary>
    /// The dwell kinds triggered at <paramref name="node"/> when arriving on <paramref name="inEdge"/> and leaving on
    /// <paramref name="outEdge"/> (either may be <see cref="NoEdge"/>), whether or not the place has a figure for them.
    /// </summary>
    public static DwellSet Triggered(RoutingGraph graph, int inEdge, int node, int outEdge)
    {
        ArgumentNullException.ThrowIfNull(graph);
        bool arrives = inEdge != NoEdge;
        bool leaves = outEdge != NoEdge;
        int inLink = arrives ? graph.EdgeLinkIndex(inEdge) : -1;
        int outLink = leaves ? graph.EdgeLinkIndex(outEdge) : -1;
        TransportMode inMode = arrives ? graph.LinkMode[inLink] : default;
        TransportMode outMode = leaves ? graph.LinkMode[outLink] : default;
        var set = DwellSet.None;
        if (arrives && leaves && graph.NodeKind[node] == PlaceKind.BorderCrossing)
        {
            set |= DwellSet.BorderCrossing;
        }

        if (arrives && leaves && inMode == TransportMode.Rail && outMode == TransportMode.Rail
            && graph.LinkGaugeMm[inLink] != graph.LinkGaugeMm[outLink])
        {
            set |= DwellSet.GaugeBreak;
        }

        bool arrivesByWater = arrives && graph.LinkIsWater[inLink];
        bool leavesByWater = leaves && graph.LinkIsWater[outLink];
        if ((arrives && !arrivesByWater && leavesByWater) || (arrivesByWater && leaves && !leavesByWater)
            || (!arrives && leavesByWater) || (!leaves && arrivesByWater))
        {
            set |= DwellSet.PortHandling;
        }

        if (leaves && outMode == TransportMode.Ferry && !(arrives && inMode == TransportMode.Ferry))
        {
            set |= DwellSet.FerryWait;
        }

        if (arrives && leaves
            && ((inMode == TransportMode.Rail && outMode == TransportMode.Road) || (inMode == TransportMode.Road && outMode == TransportMode.Rail)))
        {
            set |= DwellSet.Transshipment;
        }

        return set;
    }

    /// <summary>The dwell kind a single flag stands for.</summary>
    public static DwellKind KindOf(DwellSet flag) => flag switch
    {
        DwellSet.BorderCrossing => DwellKind.BorderCrossing,
        DwellSet.GaugeBreak => DwellKind.GaugeBreak,
        DwellSet.PortHandling => DwellKind.PortHandling,
        DwellSet.FerryWait => DwellKind.FerryWait,
        DwellSet.Transshipment => DwellKind.Transshipment,
        _ => throw new ArgumentOutOfRangeException(nameof(flag), flag, "Not a single dwell flag."),
    };

    /// <summary>The single flags in a set, in a fixed order.</summary>
    public static IEnumerable<DwellSet> Flags(DwellSet set)
    {
        foreach (DwellSet flag in AllFlags)
        {
            if ((set & flag) != 0)
            {
                yield return flag;
            }
        }
    }

    internal static readonly DwellSet[] AllFlags =
    [
        DwellSet.BorderCrossing, DwellSet.GaugeBreak, DwellSet.PortHandling, DwellSet.FerryWait, DwellSet.Transshipment,
    ];
}

/// <summary>A set of dwell kinds.</summary>
[Flags]
#pragma warning disable CA1028 // byte-sized flags keep search state small
public enum DwellSet : byte
#pragma warning restore CA1028
{
    None = 0,
    BorderCrossing = 1,
    GaugeBreak = 2,
    PortHandling = 4,
    FerryWait = 8,
    Transshipment = 16,
}

/// <summary>Dwell estimates per node, precomputed as PERT sums for every combination of triggered kinds.</summary>
internal sealed class NodeDwells
{
    private const int SetCount = 32; // all combinations of the five DwellSet flags
    private readonly Pert[] _bySet;  // [node * SetCount + set]

    public NodeDwells(CorridorNetwork network)
        : this(network, (node, kind) => network.Places[node].DwellOf(kind))
    {
    }

    /// <param name="dwellOf">The dwell of a node and kind (a scenario may replace some).</param>
    public NodeDwells(CorridorNetwork network, Func<int, DwellKind, Dwell?> dwellOf)
    {
        _bySet = new Pert[network.Places.Count * SetCount];
        for (int n = 0; n < network.Places.Count; n++)
        {
            for (int set = 1; set < SetCount; set++)
            {
                Pert sum = Pert.Zero;
                foreach (DwellSet flag in DwellRules.Flags((DwellSet)set))
                {
                    if (dwellOf(n, DwellRules.KindOf(flag)) is { } dwell)
                    {
                        sum += dwell.Distribution;
                    }
                }

                _bySet[n * SetCount + set] = sum;
            }
        }
    }

    /// <summary>Summed PERT hours of the triggered dwells the place has figures for.</summary>
    public Pert Hours(int node, DwellSet triggered) => _bySet[node * SetCount + (int)triggered];
}
