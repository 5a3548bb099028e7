using Corridors.Domain.Network;

namespace Corridors.Domain.Fidelity;

/// <summary>What a published figure measures.</summary>
public enum FigureQuantity
{
    /// <summary>Route length.</summary>
    Distance,

    /// <summary>Door-to-door transit time in days.</summary>
    TransitDays,
}

/// <summary>
/// A whole-journey figure an operator, the press or a study published, and the journey of the model it is compared
/// with: the best (fastest) route of <see cref="Corridor"/> from <see cref="From"/> to <see cref="To"/> on
/// <see cref="AsOf"/>, avoiding <see cref="AvoidPlaces"/>. With <see cref="Minus"/> the figure is a difference: that
/// corridor's route subtracted (e.g. the Cape minus Suez).
/// </summary>
/// <param name="SourceId">The figure's source in <c>sources.csv</c>.</param>
/// <param name="Low">The published value, or the low end of a published range (km or days).</param>
/// <param name="High">The high end of the range; equal to <see cref="Low"/> for a single value.</param>
/// <param name="NauticalMiles">True when the source gives a sea distance in nautical miles (compared at sea tolerance).</param>
/// <param name="Note">Why the model differs, where it does, or what the figure covers.</param>
public sealed record PublishedFigure(
    string SourceId,
    FigureQuantity Quantity,
    PlaceId From,
    PlaceId To,
    CorridorId Corridor,
    CorridorId? Minus,
    IReadOnlyList<PlaceId> AvoidPlaces,
    DateOnly AsOf,
    double Low,
    double High,
    bool NauticalMiles,
    string Note)
{
    public const double KmPerNauticalMile = 1.852;

    /// <summary>True for a published range, false for a single value.</summary>
    public bool IsRange => High > Low;
}
