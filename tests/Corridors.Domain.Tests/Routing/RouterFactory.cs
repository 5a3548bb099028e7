using Corridors.Domain.Network;
using Corridors.Domain.Routing;
using Microsoft.Extensions.Time.Testing;

namespace Corridors.Domain.Tests.Routing;

internal static class RouterFactory
{
    /// <summary>The fixed "today" of routing tests.</summary>
    public static readonly DateOnly Today = new(2026, 11, 29);

    public static CorridorRouter Create(CorridorNetwork network) =>
        new(new RoutingGraph(network), new FakeTimeProvider(new DateTimeOffset(Today.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero)), TestNetworks.Factory);

    public static RouteQuery Query(string from, string to, Objective objective = Objective.Fastest, RouteConstraints? constraints = null) =>
        new() { Origin = new PlaceId(from), Destination = new PlaceId(to), Objective = objective, Constraints = constraints ?? new RouteConstraints() };
}
