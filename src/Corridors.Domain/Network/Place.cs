using NetTopologySuite.Geometries;

namespace Corridors.Domain.Network;

/// <summary>Time spent at a place of a given kind, in hours.</summary>
public sealed record Dwell(DwellKind Kind, RangeFigure Hours)
{
    // The loader builds dwells from the file's figures before the validator checks them (it reports an unordered
    // range with the other problems), so construction must not assume min <= typical <= max: the PERT Beta has no
    // shape for such a range and threw here (found by fuzzing, tests/Corridors.Fuzz).
    private readonly TransitTime.Pert? _distribution =
        double.IsFinite(Hours.Min) && double.IsFinite(Hours.Max) && Hours.Min <= Hours.Typical && Hours.Typical <= Hours.Max
            ? TransitTime.Pert.Of(Hours)
            : null;

    /// <summary>
    /// The hours as a PERT distribution, computed once at construction (so build a new Dwell rather than using
    /// <c>with</c>). A dwell whose hours are not a finite ordered range has none, and reading it throws: such a
    /// dwell is refused by the network validator and never reaches a loaded network.
    /// </summary>
    public TransitTime.Pert Distribution => _distribution
        ?? throw new InvalidOperationException($"Dwell {Kind} hours {Hours.Min} / {Hours.Typical} / {Hours.Max} are not a finite ordered range; validate the network first.");
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
