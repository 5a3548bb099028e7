using Corridors.Domain.Network;

namespace Corridors.Domain.Emissions;

/// <summary>
/// Chooses the container trade lane of a route's sea part from the ports where it begins and ends (assumption
/// A-SEA-LANE-RULE), and tells a part that rounds the Cape of Good Hope.
/// </summary>
internal static class SeaLanes
{
    /// <summary>East of this longitude a port is in Asia (Colombo 79.8° E; Port Said, the Black Sea and the Caspian lie west).</summary>
    private const double AsiaFromLongitudeDeg = 60;

    /// <summary>West of <see cref="AsiaFromLongitudeDeg"/>, a port north of this latitude is in North Europe (Le Havre 49.5° N; Trieste and Koper 45.6° N are Mediterranean).</summary>
    private const double NorthEuropeFromLatitudeDeg = 46;

    /// <summary>A sea part with a place south of this latitude rounds Africa (the Cape is at 34.4° S; the Suez lanes stay north of 10° S).</summary>
    private const double CapeBelowLatitudeDeg = -30;

    private enum Region
    {
        Asia,
        NorthEurope,
        Mediterranean,
    }

    /// <summary>Asia to North Europe or the Mediterranean (either way round); any other part is a feeder.</summary>
    public static FactorUse Of(Place start, Place end)
    {
        ArgumentNullException.ThrowIfNull(start);
        ArgumentNullException.ThrowIfNull(end);
        (Region a, Region b) = (RegionOf(start), RegionOf(end));
        return (a, b) switch
        {
            (Region.Asia, Region.NorthEurope) or (Region.NorthEurope, Region.Asia) => FactorUse.SeaAsiaNorthEurope,
            (Region.Asia, Region.Mediterranean) or (Region.Mediterranean, Region.Asia) => FactorUse.SeaAsiaMediterranean,
            _ => FactorUse.SeaFeeder,
        };
    }

    /// <summary>True for a place south of the Cape's latitude: a sea part through it goes round Africa.</summary>
    public static bool RoundsTheCape(Place place)
    {
        ArgumentNullException.ThrowIfNull(place);
        return place.Location.Y < CapeBelowLatitudeDeg;
    }

    private static Region RegionOf(Place place) =>
        place.Location.X >= AsiaFromLongitudeDeg ? Region.Asia
        : place.Location.Y >= NorthEuropeFromLatitudeDeg ? Region.NorthEurope
        : Region.Mediterranean;
}
