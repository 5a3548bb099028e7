using Corridors.Domain.Network;
using Corridors.Domain.Routing;

namespace Corridors.Domain.Emissions;

/// <summary>Which hub a container passes through (ISO 14083 counts hub operations beside the line haul).</summary>
public enum HubKind
{
    /// <summary>Between ship and land at a seaport.</summary>
    PortHandling,

    /// <summary>Onto or off a train at the origin or destination, or between rail and road.</summary>
    RailTerminal,

    /// <summary>Between wagons of two gauges.</summary>
    GaugeChange,

    /// <summary>Onto or off a ferry.</summary>
    FerryTerminal,
}

/// <summary>
/// The hubs of a route, read from its structure the way the dwell rules read it (<see cref="DwellRules"/>): a change
/// of gauge, a change between land and water (a ferry terminal when the water leg is a ferry, a port otherwise), a
/// change between rail and road, and the terminals where the route starts or ends on rail or water.
/// </summary>
internal static class HubActivity
{
    /// <summary>The route's hubs in route order, added to <paramref name="hubs"/> (no iterator per place: this runs for every route built).</summary>
    public static List<(Place Place, HubKind Kind)> Of(IReadOnlyList<RouteLeg> legs, List<(Place Place, HubKind Kind)> hubs)
    {
        for (int i = 0; i <= legs.Count; i++)
        {
            RouteLeg? arriving = i > 0 ? legs[i - 1] : null;
            RouteLeg? leaving = i < legs.Count ? legs[i] : null;
            Place place = leaving?.From ?? arriving!.To;
            if (arriving is { Mode: TransportMode.Rail } a && leaving is { Mode: TransportMode.Rail } l && a.Link.GaugeMm != l.Link.GaugeMm)
            {
                hubs.Add((place, HubKind.GaugeChange));
            }

            bool arrivesByWater = arriving?.Link.IsWater ?? false;
            bool leavesByWater = leaving?.Link.IsWater ?? false;
            if (arrivesByWater != leavesByWater)
            {
                RouteLeg water = arrivesByWater ? arriving! : leaving!;
                hubs.Add((place, water.Mode == TransportMode.Ferry ? HubKind.FerryTerminal : HubKind.PortHandling));
            }

            bool railRoad = (arriving?.Mode, leaving?.Mode) is (TransportMode.Rail, TransportMode.Road) or (TransportMode.Road, TransportMode.Rail);
            bool endOnRail = (arriving is null && leaving!.Mode == TransportMode.Rail) || (leaving is null && arriving!.Mode == TransportMode.Rail);
            if (railRoad || endOnRail)
            {
                hubs.Add((place, HubKind.RailTerminal));
            }
        }

        return hubs;
    }

    public static FactorUse FactorOf(HubKind kind) => kind switch
    {
        HubKind.PortHandling => FactorUse.HubPortHandling,
        HubKind.RailTerminal => FactorUse.HubRailTerminal,
        HubKind.GaugeChange => FactorUse.HubGaugeChange,
        HubKind.FerryTerminal => FactorUse.HubFerryTerminal,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown hub kind."),
    };
}
