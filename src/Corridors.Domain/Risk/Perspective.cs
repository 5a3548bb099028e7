using Corridors.Domain.Network;
using Corridors.Domain.Routing;

namespace Corridors.Domain.Risk;

/// <summary>
/// Whose law applies to a shipment and what it carries, on which date: the regimes that bind the shipper (empty =
/// bound by none), the cargo class and the as-of date. Build it with <see cref="PerspectiveParser"/> at the edges.
/// </summary>
public sealed record Perspective
{
    public Perspective(IEnumerable<Regime> regimes, CargoClass cargo, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(regimes);
        Regimes = new SortedSet<Regime>(regimes);
        Cargo = cargo;
        AsOf = asOf;
    }

    /// <summary>Regimes binding the shipper, ordered; empty for a shipper bound by none.</summary>
    public IReadOnlySet<Regime> Regimes { get; }

    public CargoClass Cargo { get; }

    public DateOnly AsOf { get; }

    /// <summary>The cargo's HS code, when the shipper gave one: measures naming a goods list it falls under apply too.</summary>
    public HsCode? HsCode { get; init; }

    /// <summary><c>EU+US general 2023-06-01</c>, <c>EU general HS 847130 2024-08-01</c>, <c>none dual-use …</c>.</summary>
    public override string ToString() =>
        $"{(Regimes.Count == 0 ? PerspectiveParser.None : string.Join("+", Regimes))} {EnumNames.ToKebab(Cargo)}{(HsCode is { } hs ? $" HS {hs}" : string.Empty)} {AsOf:yyyy-MM-dd}";

    public bool Equals(Perspective? other) =>
        other is not null && Cargo == other.Cargo && AsOf == other.AsOf && HsCode == other.HsCode && Regimes.SetEquals(other.Regimes);

    public override int GetHashCode() => HashCode.Combine(Cargo, AsOf, HsCode, RegimeBits);

    /// <summary>The regimes as a set of bits, one per regime: equal sets, equal bits, without building a string.</summary>
    internal int RegimeBits
    {
        get
        {
            int bits = 0;
            foreach (Regime regime in Regimes)
            {
                bits |= 1 << (int)regime;
            }

            return bits;
        }
    }
}

/// <summary>
/// Parses a perspective from the strings of the CLI and the API (<c>"EU"</c>, <c>"EU,US"</c>, <c>"none"</c>;
/// <c>"dual-use"</c>). Every bad value is reported at once, named by its field, and nothing is defaulted silently.
/// The as-of date is checked by the router against the dataset's <see cref="Dates.AsOfRange"/>.
/// </summary>
public static class PerspectiveParser
{
    /// <summary>The word for a shipper bound by no regime.</summary>
    public const string None = "none";

    /// <summary>Suggested default for a tool used from Europe: an EU-bound shipper.</summary>
    public const string DefaultRegimes = "EU";

    /// <summary>Suggested default cargo class.</summary>
    public const string DefaultCargo = "general";

    /// <summary>Field names used in <see cref="QueryError"/>s (match the CLI options and proto fields).</summary>
    public const string RegimesField = "perspective";
    public const string CargoField = "cargo";

    /// <param name="regimes">Comma- or plus-separated regime codes, or <c>none</c>; case-insensitive.</param>
    /// <param name="cargo">A cargo class in kebab-case (<c>general</c>, <c>dual-use</c>, <c>military</c>, <c>energy</c>).</param>
    /// <param name="asOf">The date of the query (the router's today when the user gave none).</param>
    /// <param name="hsCode">The cargo's HS code (optional; 2–10 digits, dots and spaces allowed).</param>
    public static QueryResult<Perspective> Parse(string? regimes, string? cargo, DateOnly asOf, string? hsCode = null)
    {
        var errors = new List<QueryError>();
        var parsed = new List<Regime>();
        if (string.IsNullOrWhiteSpace(regimes))
        {
            errors.Add(new QueryError(RegimesField, $"no perspective given; use one or more of {RegimeCodes.All} (comma-separated) or '{None}'"));
        }
        else
        {
            string[] parts = regimes.Split([',', '+'], StringSplitOptions.TrimEntries);
            bool none = parts.Any(p => string.Equals(p, None, StringComparison.OrdinalIgnoreCase));
            if (none && parts.Length > 1)
            {
                errors.Add(new QueryError(RegimesField, $"'{None}' cannot be combined with regimes (got '{regimes}')"));
            }
            else if (!none)
            {
                foreach (string part in parts)
                {
                    if (RegimeCodes.TryParse(part, out Regime regime))
                    {
                        parsed.Add(regime);
                    }
                    else
                    {
                        errors.Add(new QueryError(RegimesField,
                            part.Length == 0
                                ? $"empty regime in '{regimes}'"
                                : $"unknown regime '{part}'; known: {RegimeCodes.All}, or '{None}'"));
                    }
                }
            }
        }

        CargoClass cargoClass = CargoClass.General;
        if (string.IsNullOrWhiteSpace(cargo))
        {
            errors.Add(new QueryError(CargoField, $"no cargo class given; use one of {EnumNames.AllKebab<CargoClass>()}"));
        }
        else if (!EnumNames.TryParseKebab(cargo, out cargoClass))
        {
            errors.Add(new QueryError(CargoField, $"unknown cargo class '{cargo}'; known: {EnumNames.AllKebab<CargoClass>()}"));
        }

        HsCode? code = null;
        if (!string.IsNullOrWhiteSpace(hsCode))
        {
            QueryResult<HsCodeBox> parsedCode = HsCode.Parse(hsCode);
            errors.AddRange(parsedCode.Errors);
            code = parsedCode.Value?.Code;
        }

        return errors.Count > 0
            ? QueryResult<Perspective>.Failure(errors)
            : QueryResult<Perspective>.Success(new Perspective(parsed, cargoClass, asOf) { HsCode = code });
    }
}
