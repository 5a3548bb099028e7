using System.Text.RegularExpressions;
using Corridors.Domain.Routing;

namespace Corridors.Domain.Risk;

/// <summary>
/// A legal list of goods named by customs codes (e.g. Annex XX of Regulation (EU) No 833/2014, jet fuel): a measure
/// that names the list applies to a shipment whose HS code falls under one of its codes.
/// </summary>
/// <param name="Id">Stable id, e.g. <c>EU-833-ANNEX-XX</c>.</param>
/// <param name="Codes">HS / CN code prefixes (2–10 digits): a code covers every code that starts with it.</param>
public sealed record GoodsList(string Id, string Title, IReadOnlyList<string> Codes, IReadOnlyList<string> SourceIds)
{
    /// <summary>
    /// Whether the shipment's code falls under the list: a listed code is a prefix of it (the list covers it), or it is
    /// a prefix of a listed code (a heading that contains listed goods: counted as listed, since the subheading decides).
    /// </summary>
    public bool Covers(HsCode code) =>
        Codes.Any(c => code.Digits.StartsWith(c, StringComparison.Ordinal) || c.StartsWith(code.Digits, StringComparison.Ordinal));
}

/// <summary>A Harmonized System (or CN / TARIC) code as digits only: 2 to 10 digits, chapter 01–97 (77 is reserved).</summary>
public readonly partial record struct HsCode
{
    private HsCode(string digits) => Digits = digits;

    /// <summary>The code's digits, e.g. <c>847130</c>.</summary>
    public string Digits { get; }

    /// <summary>The chapter, the first two digits.</summary>
    public int Chapter => int.Parse(Digits.AsSpan(0, 2), System.Globalization.CultureInfo.InvariantCulture);

    public override string ToString() => Digits;

    /// <summary>The field name in errors (CLI <c>--hs-code</c>, API <c>constraints.perspective.hs_code</c>).</summary>
    public const string Field = "hs_code";

    /// <summary>
    /// Parses <c>8471.30</c>, <c>8471 30</c> or <c>847130</c>: digits with optional dots and spaces, 2–10 digits, an
    /// existing chapter. The error says what is wrong.
    /// </summary>
    public static QueryResult<HsCodeBox> Parse(string? text)
    {
        string trimmed = (text ?? string.Empty).Trim();
        string digits = trimmed.Replace(".", string.Empty, StringComparison.Ordinal).Replace(" ", string.Empty, StringComparison.Ordinal);
        if (!DigitsPattern().IsMatch(digits))
        {
            return QueryResult<HsCodeBox>.Failure([new QueryError(Field,
                $"'{trimmed}' is not an HS code: give 2 to 10 digits (dots and spaces allowed), e.g. 8471.30")]);
        }

        var code = new HsCode(digits);
        return code.Chapter is < 1 or > 97 or 77
            ? QueryResult<HsCodeBox>.Failure([new QueryError(Field, $"unknown HS chapter '{digits[..2]}' in '{trimmed}': chapters run 01–97 (77 is reserved)")])
            : QueryResult<HsCodeBox>.Success(new HsCodeBox(code));
    }

    [GeneratedRegex("^[0-9]{2,10}$")]
    private static partial Regex DigitsPattern();
}

/// <summary>A parsed <see cref="HsCode"/> as a reference type, for <see cref="QueryResult{T}"/>.</summary>
public sealed record HsCodeBox(HsCode Code);
