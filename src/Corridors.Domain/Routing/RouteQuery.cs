using Corridors.Domain.Network;

namespace Corridors.Domain.Routing;

/// <summary>What a route is optimised for.</summary>
public enum Objective
{
    /// <summary>Lowest expected transit time (P50).</summary>
    Fastest,

    /// <summary>Shortest distance in km.</summary>
    ShortestDistance,
}

/// <summary>An origin–destination query: places already resolved to ids, an objective and hard constraints.</summary>
public sealed record RouteQuery
{
    public required PlaceId Origin { get; init; }

    public required PlaceId Destination { get; init; }

    public Objective Objective { get; init; } = Objective.Fastest;

    public RouteConstraints Constraints { get; init; } = new();
}
