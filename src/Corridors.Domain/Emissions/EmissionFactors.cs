using Corridors.Domain.Network;

namespace Corridors.Domain.Emissions;

/// <summary>What an emission factor is per: a tonne of cargo or a TEU over a kilometre.</summary>
public enum EmissionUnit
{
    /// <summary><c>kg CO2e/tkm</c>: multiplied by the payload's cargo tonnes.</summary>
    KgCo2ePerTonneKm,

    /// <summary><c>kg CO2e/TEU-km</c>: multiplied by the payload's TEU (container trade-lane factors).</summary>
    KgCo2ePerTeuKm,
}

/// <summary>Which part of the fuel's life cycle a factor covers.</summary>
public enum EmissionBasis
{
    /// <summary>Well-to-wheel: fuel production and use (ISO 14083 asks for WTW).</summary>
    WellToWheel,

    /// <summary>Tank-to-wheel: direct emissions only; understates WTW.</summary>
    TankToWheel,
}

/// <summary>A sourced emission factor for one transport mode.</summary>
/// <param name="Value">Kilograms CO2e per <see cref="Unit"/>.</param>
/// <param name="Year">The data year as published (<c>2023</c>, <c>c.2014-15</c>).</param>
/// <param name="IsStandIn">True when the value is not a GLEC/ISO 14083 value for this use (another country, lane or basis).</param>
public sealed record EmissionFactor(
    TransportMode Mode,
    double Value,
    EmissionUnit Unit,
    EmissionBasis Basis,
    string Year,
    bool IsStandIn,
    IReadOnlyList<string> SourceIds,
    string Note)
{
    /// <summary>The unit as written in the file.</summary>
    public string UnitText => Unit == EmissionUnit.KgCo2ePerTonneKm ? EmissionUnits.PerTonneKm : EmissionUnits.PerTeuKm;

    /// <summary>Kilograms CO2e per km for the payload: value × tonnes, or value × TEU for per-TEU factors.</summary>
    public double KgPerKm(Payload payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        return Value * (Unit == EmissionUnit.KgCo2ePerTonneKm ? payload.CargoTonnes : payload.Teu);
    }
}

/// <summary>What is carried. The default, one 40-foot container, is in <c>networks/emission-factors.json</c>.</summary>
/// <param name="CargoTonnes">Cargo mass in tonnes (container tare excluded), &gt; 0.</param>
/// <param name="Teu">Twenty-foot equivalent units, &gt; 0 (a 40-foot container is 2).</param>
public sealed record Payload(string Description, double CargoTonnes, double Teu, IReadOnlyList<string> SourceIds)
{
    /// <summary>A payload with the given mass in the default payload's containers (for a shipper's own tonnage).</summary>
    public Payload WithCargoTonnes(double cargoTonnes)
    {
        if (!(cargoTonnes > 0) || double.IsInfinity(cargoTonnes))
        {
            throw new ArgumentOutOfRangeException(nameof(cargoTonnes), cargoTonnes, "Cargo tonnes must be a finite number above zero.");
        }

        return this with { Description = $"{Description} (cargo {cargoTonnes} t)", CargoTonnes = cargoTonnes, SourceIds = [] };
    }
}

/// <summary>The unit strings of the file.</summary>
public static class EmissionUnits
{
    public const string PerTonneKm = "kg CO2e/tkm";
    public const string PerTeuKm = "kg CO2e/TEU-km";
}

/// <summary>The loaded factors: one per transport mode, and the default payload.</summary>
public sealed class EmissionFactorSet
{
    private readonly Dictionary<TransportMode, EmissionFactor> _byMode;

    public EmissionFactorSet(Payload defaultPayload, IEnumerable<EmissionFactor> factors)
    {
        ArgumentNullException.ThrowIfNull(defaultPayload);
        ArgumentNullException.ThrowIfNull(factors);
        DefaultPayload = defaultPayload;
        _byMode = factors.ToDictionary(f => f.Mode);
        foreach (TransportMode mode in Enum.GetValues<TransportMode>())
        {
            if (!_byMode.ContainsKey(mode))
            {
                throw new ArgumentException($"No emission factor for mode {mode}.", nameof(factors));
            }
        }
    }

    public Payload DefaultPayload { get; }

    public EmissionFactor For(TransportMode mode) => _byMode[mode];

    public IReadOnlyList<EmissionFactor> Factors => [.. _byMode.Values.OrderBy(f => f.Mode)];
}
