namespace Corridors.Domain.Emissions;

/// <summary>
/// What a factor is for: one per traction, sea lane, vessel type, vehicle and hub type (ISO 14083 asks for the
/// factor of the transport chain element, not one per mode). The file's <c>id</c> is the kebab-case name.
/// </summary>
public enum FactorUse
{
    /// <summary>Energy per net tkm of an electric train; CO2e comes from the grid of the country and year.</summary>
    RailElectric,

    RailDiesel,

    /// <summary>Per vehicle-km of a truck carrying the one container.</summary>
    RoadTruckFeu,

    SeaAsiaNorthEurope,

    SeaAsiaMediterranean,

    /// <summary>Any sea part that is not Asia–Europe (intra-Asia, Black Sea feeders).</summary>
    SeaFeeder,

    /// <summary>Ro-pax ferry carrying road vehicles.</summary>
    FerryRoPax,

    /// <summary>Train ferry: used when a rail leg adjoins the ferry leg.</summary>
    FerryRail,

    InlandWaterway,

    /// <summary>A container between ship and land at a seaport.</summary>
    HubPortHandling,

    /// <summary>Loading or unloading a train at the origin or destination, or a rail–road transfer.</summary>
    HubRailTerminal,

    /// <summary>Transshipment between wagons of two gauges.</summary>
    HubGaugeChange,

    /// <summary>Boarding or leaving a ferry.</summary>
    HubFerryTerminal,
}

/// <summary>What a factor's numbers are per. Each use has exactly one (see <see cref="EmissionFactor.UnitFor"/>).</summary>
public enum EmissionUnit
{
    /// <summary><c>kg CO2e/tkm</c>: × cargo tonnes × km.</summary>
    KgPerTonneKm,

    /// <summary><c>kg CO2e/TEU-km</c>: × TEU × km (container trade-lane factors).</summary>
    KgPerTeuKm,

    /// <summary><c>kg CO2e/vkm</c>: × km (one vehicle carries the container).</summary>
    KgPerVehicleKm,

    /// <summary><c>kg CO2e/container</c>: once per hub activity.</summary>
    KgPerContainer,

    /// <summary><c>kWh/tkm</c>: final energy, × tonnes × km × grid intensity.</summary>
    KwhPerTonneKm,
}

/// <summary>Which boundary a factor's numbers cover.</summary>
public enum EmissionBasis
{
    /// <summary><c>wtw-ttw</c>: well-to-wheel and tank-to-wheel CO2e, both given (ISO 14083 reports WTW).</summary>
    WtwTtw,

    /// <summary><c>energy</c>: final energy only; WTW = energy × lifecycle grid intensity, TTW = 0 (electric traction).</summary>
    Energy,
}
