namespace Corridors.Domain.Network;

/// <summary>How trains are hauled on a rail link; decides which CO2e factor applies (networks/README.md, "Traction").</summary>
public enum TractionKind
{
    /// <summary>Electric locomotives under catenary: energy × the country's grid intensity.</summary>
    Electric,

    /// <summary>Diesel locomotives: the diesel rail factor.</summary>
    Diesel,
}

/// <summary>
/// A rail link's traction as tagged in the network files, with its sources. A line wired after the network's
/// earliest dates carries <see cref="ElectrifiedFrom"/>: before that date it is hauled by diesel, so the as-of date
/// decides (e.g. Karymskaya–Zabaikalsk, wired in stages 2011–2015).
/// </summary>
/// <param name="SourceIds">Ids in <c>sources.csv</c>; an <c>A-…</c> id marks the tag as an assumption.</param>
public sealed record LinkTraction(TractionKind Kind, DateFigure? ElectrifiedFrom, IReadOnlyList<string> SourceIds)
{
    /// <summary>The traction on a date: diesel before <see cref="ElectrifiedFrom"/>, the tagged kind from it.</summary>
    public TractionKind On(DateOnly date) =>
        Kind == TractionKind.Electric && ElectrifiedFrom is { } from && date < from.Date ? TractionKind.Diesel : Kind;

    /// <summary>True when the tag rests on an assumption (an <c>A-…</c> source) rather than a published statement only.</summary>
    public bool IsAssumed => SourceIds.Any(s => s.StartsWith("A-", StringComparison.Ordinal));
}
