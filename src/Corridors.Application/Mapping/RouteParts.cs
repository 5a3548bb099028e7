namespace Corridors.Application.Mapping;

/// <summary>
/// The costly parts of a route in an answer, each written only when the request's read mask wants it
/// (<see cref="ResponseWriter.Wanted"/>): together they are most of a full answer's bytes and of the time to write it.
/// </summary>
[Flags]
public enum RouteParts
{
    None = 0,

    /// <summary>The legs, with their CO2e.</summary>
    Legs = 1,

    /// <summary>The GeoJSON line.</summary>
    Geometry = 2,

    /// <summary>The CO2e detail: hubs, factors, sources, notes (the route's <c>co2e_kg</c> is always written).</summary>
    Co2e = 4,

    /// <summary>The sanction risk with its exposures.</summary>
    SanctionRisk = 8,

    All = Legs | Geometry | Co2e | SanctionRisk,
}
