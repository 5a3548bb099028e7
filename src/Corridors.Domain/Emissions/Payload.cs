namespace Corridors.Domain.Emissions;

/// <summary>What is carried: one container. The default, a 40-foot container, is in <c>networks/emission-factors.json</c>.</summary>
/// <param name="CargoTonnes">Cargo mass in tonnes (container tare excluded), &gt; 0.</param>
/// <param name="Teu">Twenty-foot equivalent units of the container, &gt; 0 (a 40-foot container is 2).</param>
public sealed record Payload(string Description, double CargoTonnes, double Teu, IReadOnlyList<string> SourceIds)
{
    /// <summary>A payload with the given mass in the default payload's container (for a shipper's own tonnage).</summary>
    public Payload WithCargoTonnes(double cargoTonnes)
    {
        if (!(cargoTonnes > 0) || double.IsInfinity(cargoTonnes))
        {
            throw new ArgumentOutOfRangeException(nameof(cargoTonnes), cargoTonnes, "Cargo tonnes must be a finite number above zero.");
        }

        return this with { Description = $"{Description} (cargo {cargoTonnes} t)", CargoTonnes = cargoTonnes, SourceIds = [] };
    }
}
