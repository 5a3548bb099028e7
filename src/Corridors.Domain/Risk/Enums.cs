using Corridors.Domain.Network;

namespace Corridors.Domain.Risk;

/// <summary>
/// A sanctions regime: the authority whose law imposes a measure and which may bind a shipper. Written in files
/// and on the command line as its upper-case code (<c>EU</c>, <c>US</c>…), parsed with <see cref="RegimeCodes"/>.
/// </summary>
public enum Regime
{
    /// <summary>European Union (Council regulations under Art. 215 TFEU).</summary>
    EU,

    /// <summary>United States (OFAC, State Department, BIS).</summary>
    US,

    /// <summary>United Kingdom (OFSI / FCDO).</summary>
    UK,

    /// <summary>Canada (Special Economic Measures Act).</summary>
    CA,

    /// <summary>United Nations Security Council.</summary>
    UN,
}

/// <summary>What a measure does (kebab-case in files: <c>financing-ban</c>).</summary>
public enum MeasureKind
{
    /// <summary>Country-wide sectoral measures (finance, trade, technology) on a state.</summary>
    Sectoral,

    /// <summary>Freezing of an operator's funds: nothing may be made available to it.</summary>
    AssetFreeze,

    /// <summary>Ban on new debt, equity or financing of an operator; ordinary business may continue.</summary>
    FinancingBan,

    /// <summary>Ban on moving a cargo class through a territory.</summary>
    TransitBan,

    /// <summary>Ban on a class of carriers (e.g. road hauliers registered in a country).</summary>
    CarrierBan,

    /// <summary>Exposure of persons outside the regime's jurisdiction who deal with the target.</summary>
    SecondarySanctions,

    /// <summary>Restriction on vessels, ports or shipping services.</summary>
    ShippingRestriction,
}

/// <summary>What the cargo is, as far as sanctions are concerned (kebab-case: <c>dual-use</c>).</summary>
public enum CargoClass
{
    /// <summary>Ordinary goods not on any control list.</summary>
    General,

    /// <summary>Goods in Annex I of Regulation (EU) 2021/821 and equivalent lists.</summary>
    DualUse,

    /// <summary>Arms and goods on the Common Military List.</summary>
    Military,

    /// <summary>Crude oil, petroleum products, gas, coal.</summary>
    Energy,
}

/// <summary>
/// When a measure applies, by where the cargo starts and ends. "Regime territory" is the regime's member
/// countries (<see cref="RegimeInfo.Territory"/>); "target" is the measure's target country.
/// </summary>
public enum TradeDirection
{
    /// <summary>Whatever the origin and destination.</summary>
    Any,

    /// <summary>Only cargo whose origin is in the regime's territory (e.g. EU exports transiting Russia).</summary>
    ExportFromRegime,

    /// <summary>Only cargo whose destination is in the regime's territory.</summary>
    ImportToRegime,

    /// <summary>Only cargo whose origin is in the target country.</summary>
    FromTarget,

    /// <summary>Only cargo whose destination is in the target country.</summary>
    ToTarget,

    /// <summary>Cargo that starts or ends in the target country.</summary>
    ToOrFromTarget,
}

/// <summary>Whether a sanctioned operator owns the links it is named on or runs services over others' links.</summary>
public enum OperatorRole
{
    /// <summary>Named in links' <c>operator</c> field: it touches exactly those links.</summary>
    Infrastructure,

    /// <summary>A carrier running over others' infrastructure: it may run any link of its modes in its countries.</summary>
    Service,
}

/// <summary>Parsing and formatting of <see cref="Regime"/> codes (upper-case, not kebab-case).</summary>
public static class RegimeCodes
{
    /// <summary>Parses a regime code, case-insensitive; false for unknown codes and for numbers.</summary>
    public static bool TryParse(string? text, out Regime regime)
    {
        regime = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        foreach (Regime candidate in Enum.GetValues<Regime>())
        {
            if (string.Equals(candidate.ToString(), text.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                regime = candidate;
                return true;
            }
        }

        return false;
    }

    /// <summary>All codes, for error messages: <c>EU, US, UK, CA, UN</c>.</summary>
    public static string All => string.Join(", ", Enum.GetValues<Regime>());
}


/// <summary>What a route's sanction risk rests on.</summary>
public enum RiskBasis
{
    /// <summary>The as-of date is on or before the measure data's review date: the measures as reviewed.</summary>
    Reviewed,

    /// <summary>
    /// The as-of date is after the review date: the recorded measures are assumed to persist with their recorded
    /// dates; anything adopted, amended or lifted after the review is unknown.
    /// </summary>
    Projected,
}
