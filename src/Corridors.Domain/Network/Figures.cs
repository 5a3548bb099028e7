namespace Corridors.Domain.Network;

/// <summary>
/// Where a figure comes from: source ids in <c>networks/sources.csv</c>, or the method by which it was derived.
/// Exactly one of the two is present in valid data.
/// </summary>
public sealed record Provenance(IReadOnlyList<string> SourceIds, string? DerivedMethod)
{
    public static Provenance FromSources(params string[] sourceIds) => new(sourceIds, null);

    public static Provenance Derived(string method) => new([], method);

    public bool IsDerived => DerivedMethod is not null;
}

/// <summary>A single sourced number; the unit is in the name of the property that holds it.</summary>
public sealed record ValueFigure(double Value, Provenance Provenance);

/// <summary>A sourced min / typical / max range (0 &lt; min ≤ typical ≤ max in valid data).</summary>
public sealed record RangeFigure(double Min, double Typical, double Max, Provenance Provenance)
{
    /// <summary>Multiplies the three values, keeping provenance (e.g. hours = km / speed is done by the caller).</summary>
    public RangeFigure Scale(double factor) => this with { Min = Min * factor, Typical = Typical * factor, Max = Max * factor };
}

/// <summary>A sourced calendar date.</summary>
public sealed record DateFigure(DateOnly Date, Provenance Provenance);

/// <summary>A sourced capacity with its unit as published (<c>Mt/yr</c>, <c>TEU/day</c>, <c>trains/day</c>).</summary>
public sealed record CapacityFigure(double Value, string Unit, Provenance Provenance);
