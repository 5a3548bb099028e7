using NetTopologySuite.Geometries;

namespace Corridors.Domain.Network;

/// <summary>An edge of the network: a rail line, road, sea lane or ferry crossing between two places.</summary>
/// <remarks>Usable in both directions unless <see cref="OneWay"/>. Geometry runs from <see cref="From"/> to <see cref="To"/>.</remarks>
public sealed record Link(
    LinkId Id,
    PlaceId From,
    PlaceId To,
    TransportMode Mode,
    int? GaugeMm,
    ValueFigure DistanceKm,
    RangeFigure? SpeedKmh,
    RangeFigure? DurationHours,
    LineString Geometry,
    IReadOnlyList<string> Countries,
    string? Operator,
    LinkStatus Status,
    DateFigure? Opens,
    DateFigure? Closes,
    IReadOnlyList<CorridorId> Corridors,
    CapacityFigure? Capacity,
    IReadOnlyList<string> SourceIds,
    bool OneWay,
    string File)
{
    /// <summary>
    /// Electric or diesel, sourced; rail links only. Null when the files give no tag: the CO2e estimate then falls
    /// back to a labelled default and says so.
    /// </summary>
    public LinkTraction? Traction { get; init; }

    /// <summary>True for the shared access networks.</summary>
    public bool IsAccess => Corridors.Contains(CorridorId.Access);

    /// <summary>True when the link belongs to the corridor (access links belong to none).</summary>
    public bool BelongsTo(CorridorId corridor) => Corridors.Contains(corridor);

    /// <summary>True when the link is water-borne (sea, ferry, inland waterway).</summary>
    public bool IsWater => Mode is TransportMode.Sea or TransportMode.Ferry or TransportMode.InlandWaterway;

    /// <summary>A land link that lists more than one country crosses a border.</summary>
    public bool CrossesBorder => !IsWater && Countries.Count > 1;

    /// <summary>
    /// Moving time in hours as min / typical / max: the link's duration, or its distance divided by its speed
    /// (the fastest time uses the highest speed).
    /// </summary>
    public RangeFigure MovingHours()
    {
        if (DurationHours is not null)
        {
            return DurationHours;
        }

        RangeFigure speed = SpeedKmh ?? throw new InvalidOperationException($"Link {Id} has neither speedKmh nor durationHours.");
        double km = DistanceKm.Value;
        return new RangeFigure(km / speed.Max, km / speed.Typical, km / speed.Min, speed.Provenance);
    }

    /// <summary>True for a link not yet built (under construction or planned): a route over it rests on a forecast.</summary>
    public bool IsForecast => Status is LinkStatus.UnderConstruction or LinkStatus.Planned;

    /// <summary>
    /// Whether the link can be used on the date, within [opens, closes): an operational link; a link under
    /// construction or planned from its forecast opening date (a route over it is flagged, see <see cref="IsForecast"/>);
    /// with <paramref name="includePlanned"/>, any link under construction or planned, dated or not.
    /// </summary>
    public bool IsUsableOn(DateOnly date, bool includePlanned)
    {
        if (Status == LinkStatus.Closed)
        {
            return Closes is not null && date < Closes.Date;
        }

        if (Closes is not null && date >= Closes.Date)
        {
            return false;
        }

        if (Status == LinkStatus.Operational)
        {
            return Opens is null || date >= Opens.Date;
        }

        // Under construction or planned: from its forecast opening date, or at any date when the caller allows planned
        // links. Without a forecast date only the caller can allow it.
        return includePlanned || (Opens is not null && date >= Opens.Date);
    }
}
