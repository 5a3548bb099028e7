using Corridors.Domain.Network;

namespace Corridors.Domain.Emissions;

/// <summary>A sourced factor for one use, with its basis and unit (networks/README.md, "Emission factors").</summary>
/// <param name="Wtw">Well-to-wheel kg CO2e per unit; null for an energy factor.</param>
/// <param name="Ttw">Tank-to-wheel kg CO2e per unit (≤ WTW); null for an energy factor.</param>
/// <param name="EnergyKwh">kWh per unit for an energy factor; null otherwise.</param>
/// <param name="Year">The data year as published (<c>2023</c>, <c>2010/2012</c>).</param>
/// <param name="IsStandIn">True when the value is not a published GLEC/ISO 14083 value for this use (an assumption or another lane, country or basis).</param>
public sealed record EmissionFactor(
    FactorUse Use,
    EmissionUnit Unit,
    EmissionBasis Basis,
    double? Wtw,
    double? Ttw,
    double? EnergyKwh,
    string Year,
    bool IsStandIn,
    IReadOnlyList<string> SourceIds,
    string Note)
{
    /// <summary>The id in the file and in answers, e.g. <c>rail-diesel</c>.</summary>
    public string Id => EnumNames.ToKebab(Use);

    /// <summary>The unit as written in the file.</summary>
    public string UnitText => UnitTexts.Of(Unit);

    /// <summary>The value as shown to a user, e.g. <c>0.03758 kg CO2e/tkm WTW, 0.03007 TTW</c>.</summary>
    public string ValueText => Basis == EmissionBasis.Energy
        ? FormattableString.Invariant($"{EnergyKwh} {UnitText}")
        : FormattableString.Invariant($"{Wtw} {UnitText} WTW, {Ttw} TTW");

    /// <summary>The only unit each use may have.</summary>
    public static EmissionUnit UnitFor(FactorUse use) => use switch
    {
        FactorUse.RailElectric => EmissionUnit.KwhPerTonneKm,
        FactorUse.RoadTruckFeu => EmissionUnit.KgPerVehicleKm,
        FactorUse.SeaAsiaNorthEurope or FactorUse.SeaAsiaMediterranean or FactorUse.SeaFeeder => EmissionUnit.KgPerTeuKm,
        FactorUse.HubPortHandling or FactorUse.HubRailTerminal or FactorUse.HubGaugeChange or FactorUse.HubFerryTerminal => EmissionUnit.KgPerContainer,
        _ => EmissionUnit.KgPerTonneKm,
    };

    /// <summary>The only basis each use may have: electric traction is energy, everything else WTW and TTW.</summary>
    public static EmissionBasis BasisFor(FactorUse use) => use == FactorUse.RailElectric ? EmissionBasis.Energy : EmissionBasis.WtwTtw;

    /// <summary>
    /// How many units the payload makes per km (tonnes, TEU or one vehicle) or per hub activity (one container: the
    /// payload is one container).
    /// </summary>
    public static double Quantity(EmissionUnit unit, Payload payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        return unit switch
        {
            EmissionUnit.KgPerTonneKm or EmissionUnit.KwhPerTonneKm => payload.CargoTonnes,
            EmissionUnit.KgPerTeuKm => payload.Teu,
            _ => 1,
        };
    }
}

/// <summary>The unit strings of the file.</summary>
public static class UnitTexts
{
    public const string PerTonneKm = "kg CO2e/tkm";
    public const string PerTeuKm = "kg CO2e/TEU-km";
    public const string PerVehicleKm = "kg CO2e/vkm";
    public const string PerContainer = "kg CO2e/container";
    public const string KwhPerTonneKm = "kWh/tkm";
    public const string GramsPerKwh = "g CO2e/kWh";

    public static string Of(EmissionUnit unit) => unit switch
    {
        EmissionUnit.KgPerTonneKm => PerTonneKm,
        EmissionUnit.KgPerTeuKm => PerTeuKm,
        EmissionUnit.KgPerVehicleKm => PerVehicleKm,
        EmissionUnit.KgPerContainer => PerContainer,
        EmissionUnit.KwhPerTonneKm => KwhPerTonneKm,
        _ => throw new ArgumentOutOfRangeException(nameof(unit), unit, "Unknown unit."),
    };

    public static bool TryParse(string text, out EmissionUnit unit)
    {
        foreach (EmissionUnit candidate in Enum.GetValues<EmissionUnit>())
        {
            if (Of(candidate) == text)
            {
                unit = candidate;
                return true;
            }
        }

        unit = default;
        return false;
    }

    public static string All => string.Join(", ", Enum.GetValues<EmissionUnit>().Select(Of));
}
