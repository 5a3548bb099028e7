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
        Link? arriving = inEdge == NoEdge ? null : graph.EdgeLink(inEdge);
        Link? leaving = outEdge == NoEdge ? null : graph.EdgeLink(outEdge);
        var set = DwellSet.None;
        if (arriving is not null && leaving is not null
            && graph.NodePlace(node).Kind == PlaceKind.BorderCrossing)
        {
            set |= DwellSet.BorderCrossing;
        }

        if (arriving is { Mode: TransportMode.Rail } && leaving is { Mode: TransportMode.Rail }
            && arriving.GaugeMm != leaving.GaugeMm)
        {
            set |= DwellSet.GaugeBreak;
        }

        bool arrivesByWater = arriving?.IsWater ?? false;
        bool leavesByWater = leaving?.IsWater ?? false;
        bool arrivesByLand = arriving is not null && !arrivesByWater;
        bool leavesByLand = leaving is not null && !leavesByWater;
        if ((arrivesByLand && leavesByWater) || (arrivesByWater && leavesByLand)
            || (arriving is null && leavesByWater) || (leaving is null && arrivesByWater))
        {
            set |= DwellSet.PortHandling;
        }

        if (leaving is { Mode: TransportMode.Ferry } && arriving is not { Mode: TransportMode.Ferry })
        {
            set |= DwellSet.FerryWait;
        }

        if (arriving is not null && leaving is not null
            && ((arriving.Mode == TransportMode.Rail && leaving.Mode == TransportMode.Road)
                || (arriving.Mode == TransportMode.Road && leaving.Mode == TransportMode.Rail)))
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

/// <summary>Dwell estimates per node, precomputed as PERT summaries for the search's hot path.</summary>
internal sealed class NodeDwells
{
    private readonly Pert[] _pert;     // [node * KindCount + kind]
    private readonly bool[] _present;
    private static readonly int KindCount = Enum.GetValues<DwellKind>().Length;

    public NodeDwells(CorridorNetwork network)
    {
        _pert = new Pert[network.Places.Count * KindCount];
        _present = new bool[_pert.Length];
        for (int n = 0; n < network.Places.Count; n++)
        {
            foreach (Dwell dwell in network.Places[n].Dwells)
            {
                int slot = n * KindCount + (int)dwell.Kind;
                _pert[slot] = Pert.Of(dwell.Hours);
                _present[slot] = true;
            }
        }
    }

    /// <summary>Summed PERT hours of the triggered dwells the place has figures for.</summary>
    public Pert Hours(int node, DwellSet triggered)
    {
        if (triggered == DwellSet.None)
        {
            return Pert.Zero;
        }

        Pert sum = Pert.Zero;
        foreach (DwellSet flag in DwellRules.AllFlags)
        {
            if ((triggered & flag) != 0)
            {
                int slot = node * KindCount + (int)DwellRules.KindOf(flag);
                if (_present[slot])
                {
                    sum += _pert[slot];
                }
            }
        }

        return sum;
    }
}
