using NetTopologySuite.Geometries;

namespace Corridors.Domain.Network;

/// <summary>Time spent at a place of a given kind, in hours.</summary>
public sealed record Dwell(DwellKind Kind, RangeFigure Hours)
{
    /// <summary>The hours as a PERT distribution, computed once at construction (so build a new Dwell rather than using <c>with</c>).</summary>
    public TransitTime.Pert Distribution { get; } = TransitTime.Pert.Of(Hours);
}

/// <summary>A node of the network: a city or terminal, a port, a border crossing, a sea waypoint or a chokepoint.</summary>
/// <param name="Id">Stable id, unique across all files.</param>
/// <param name="Name">Display name with its diacritics.</param>
/// <param name="Aliases">Other spellings and names used for resolution.</param>
/// <param name="CountryCode">ISO 3166-1 alpha-2; <c>XZ</c> for international waters.</param>
/// <param name="UnLocode">UN/LOCODE (five letters) where one exists.</param>
/// <param name="Kind">What the place is.</param>
/// <param name="Location">WGS84 point, X = longitude, Y = latitude.</param>
/// <param name="Dwells">Dwell times that apply when a route's shape triggers them.</param>
/// <param name="SourceIds">Sources for the place itself.</param>
/// <param name="File">The network file that defines it (for reports).</param>
public sealed record Place(
    PlaceId Id,
    string Name,
    IReadOnlyList<string> Aliases,
    string CountryCode,
    string? UnLocode,
    PlaceKind Kind,
    Point Location,
    IReadOnlyList<Dwell> Dwells,
    IReadOnlyList<string> SourceIds,
    string File)
{
    /// <summary>
    /// For a seaport the maritime corridors do not reach by sea: why (e.g. a Caspian port). Null for every other
    /// place; the validator refuses a seaport that is neither reachable by sea nor explained.
    /// </summary>
    public string? OffMaritimeReason { get; init; }

    /// <summary>The dwell of the given kind, or null when the place has none.</summary>
    public Dwell? DwellOf(DwellKind kind)
    {
        foreach (Dwell dwell in Dwells)
        {
            if (dwell.Kind == kind)
            {
                return dwell;
            }
        }

        return null;
    }
}
