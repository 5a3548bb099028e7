using Corridors.Domain.Emissions;
using Corridors.Domain.Risk;
using Corridors.Domain.Routing;

namespace Corridors.Application.Queries;

/// <summary>What a request's <c>constraints</c> message gives a domain query: hard constraints, whose sanctions apply, and the payload.</summary>
/// <param name="Perspective">Null when the request leaves it unset: the router's default (an EU-bound shipper, general cargo).</param>
/// <param name="Payload">Null when the request leaves it unset: the data's default payload.</param>
public sealed record QueryOptions(RouteConstraints Constraints, Perspective? Perspective, Payload? Payload)
{
    /// <summary>Choices about the CO2e estimate (the Cape speed uplift); null when the request makes none.</summary>
    public Co2eOptions? Co2eOptions { get; init; }

    /// <summary>The as-of date, always set by <see cref="RequestReader.Options"/>.</summary>
    public DateOnly AsOf => Constraints.AsOf ?? throw new InvalidOperationException("AsOf is not set.");

    /// <summary>The query for one origin–destination pair with these options.</summary>
    public RouteQuery Query(Domain.Network.PlaceId origin, Domain.Network.PlaceId destination, Objective objective)
    {
        var query = new RouteQuery { Origin = origin, Destination = destination, Objective = objective, Constraints = Constraints, Payload = Payload, Co2eOptions = Co2eOptions };
        return Perspective is null ? query : query with { Regimes = Perspective.Regimes, Cargo = Perspective.Cargo, HsCode = Perspective.HsCode };
    }
}
