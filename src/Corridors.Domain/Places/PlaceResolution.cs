using Corridors.Domain.Network;

namespace Corridors.Domain.Places;

/// <summary>What a place query resolved to. Not finding a place is an answer, not an error.</summary>
public abstract record PlaceResolution
{
    private PlaceResolution()
    {
    }

    /// <summary>Exactly one place matches.</summary>
    public sealed record Resolved(Place Place) : PlaceResolution;

    /// <summary>Several places match (e.g. two places share an alias); candidates ordered by id.</summary>
    public sealed record Ambiguous(string Query, IReadOnlyList<Place> Candidates) : PlaceResolution;

    /// <summary>No place matches; <paramref name="Suggestions"/> are close spellings (may be empty), ordered by closeness then id.</summary>
    public sealed record NotFound(string Query, IReadOnlyList<Place> Suggestions) : PlaceResolution;
}

/// <summary>The answer to a nearest-place query.</summary>
public abstract record NearestPlaceResult
{
    private NearestPlaceResult()
    {
    }

    /// <summary>The closest place and its great-circle distance in km.</summary>
    public sealed record Found(Place Place, double DistanceKm) : NearestPlaceResult;

    /// <summary>No place lies within the radius.</summary>
    public sealed record NoneWithinRadius(double MaxRadiusKm) : NearestPlaceResult;

    /// <summary>The coordinate or radius is not usable (NaN, infinite, out of range, radius ≤ 0); says why.</summary>
    public sealed record InvalidQuery(string Reason) : NearestPlaceResult;
}
