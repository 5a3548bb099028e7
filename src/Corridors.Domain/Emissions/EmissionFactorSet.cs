namespace Corridors.Domain.Emissions;

/// <summary>The loaded factors: one per use, the grid intensities, the Cape option's uplift and the default payload.</summary>
public sealed class EmissionFactorSet
{
    private readonly Dictionary<FactorUse, EmissionFactor> _byUse;

    public EmissionFactorSet(Payload defaultPayload, IEnumerable<EmissionFactor> factors, GridIntensityTable grid, CapeSpeedUplift capeSpeedUplift)
    {
        ArgumentNullException.ThrowIfNull(defaultPayload);
        ArgumentNullException.ThrowIfNull(factors);
        ArgumentNullException.ThrowIfNull(grid);
        ArgumentNullException.ThrowIfNull(capeSpeedUplift);
        DefaultPayload = defaultPayload;
        Grid = grid;
        CapeSpeedUplift = capeSpeedUplift;
        _byUse = factors.ToDictionary(f => f.Use);
        foreach (FactorUse use in Enum.GetValues<FactorUse>())
        {
            if (!_byUse.ContainsKey(use))
            {
                throw new ArgumentException($"No emission factor for {use}.", nameof(factors));
            }
        }
    }

    public Payload DefaultPayload { get; }

    public GridIntensityTable Grid { get; }

    public CapeSpeedUplift CapeSpeedUplift { get; }

    public EmissionFactor For(FactorUse use) => _byUse[use];

    /// <summary>Every factor in use order.</summary>
    public IReadOnlyList<EmissionFactor> Factors => [.. _byUse.Values.OrderBy(f => f.Use)];
}

/// <summary>
/// The multiplier per km for container services diverted round the Cape of Good Hope when the caller asks for the
/// higher speeds reported for them (<see cref="Co2eOptions.CapeSpeedUplift"/>); the extra distance itself is in the km.
/// </summary>
public sealed record CapeSpeedUplift(double Factor, IReadOnlyList<string> SourceIds, string Note);

/// <summary>Choices a caller makes about the CO2e estimate.</summary>
/// <param name="CapeSpeedUplift">Apply <see cref="EmissionFactorSet.CapeSpeedUplift"/> to sea legs of a sea part that rounds the Cape.</param>
public sealed record Co2eOptions(bool CapeSpeedUplift = false)
{
    public static readonly Co2eOptions Default = new();
}
