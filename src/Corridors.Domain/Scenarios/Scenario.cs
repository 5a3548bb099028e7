using Corridors.Domain.Network;
using Corridors.Domain.Risk;

namespace Corridors.Domain.Scenarios;

/// <summary>
/// A named what-if: a set of changes over the baseline network and measures. Applied as an overlay
/// (<see cref="ScenarioOverlay"/>); the baseline is never copied or changed.
/// </summary>
/// <param name="Id">Lowercase id with dashes (<c>red-sea-closed</c>).</param>
/// <param name="SourceIds">Sources for the scenario as a whole (ids in networks/sources.csv).</param>
public sealed record Scenario(string Id, string Name, string Description, IReadOnlyList<ScenarioChange> Changes, IReadOnlyList<string> SourceIds);

/// <summary>A date range [From, To) in which a change holds; either end may be open.</summary>
public readonly record struct DateRange(DateOnly? From, DateOnly? To)
{
    public static readonly DateRange Always = new(null, null);

    public bool Contains(DateOnly date) => (From is null || date >= From) && (To is null || date < To);

    public override string ToString() =>
        From is null && To is null ? "always" : $"{From?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "…"} – {To?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "…"}";
}

/// <summary>One change of a scenario.</summary>
public abstract record ScenarioChange;

/// <summary>Close a place (a border crossing, a port, a chokepoint such as <c>bab-el-mandeb</c>) in a date range.</summary>
public sealed record ClosePlace(PlaceId Place, DateRange When) : ScenarioChange;

/// <summary>Close a link in a date range.</summary>
public sealed record CloseLink(LinkId Link, DateRange When) : ScenarioChange;

/// <summary>Add or replace a dwell at a place (e.g. Caspian ferry waits of 7–14 days).</summary>
public sealed record SetDwell(PlaceId Place, DwellKind Kind, RangeFigure Hours) : ScenarioChange;

/// <summary>Replace a link's speed.</summary>
public sealed record SetLinkSpeed(LinkId Link, RangeFigure SpeedKmh) : ScenarioChange;

/// <summary>Open a link that is planned or under construction (from a date, or always).</summary>
public sealed record OpenLink(LinkId Link, DateOnly? Opens) : ScenarioChange;

/// <summary>Lift a measure from a date (it stops applying on and after it; null: never applied).</summary>
public sealed record LiftMeasure(string MeasureId, DateOnly? From) : ScenarioChange;

/// <summary>Move a measure's dates.</summary>
public sealed record RedateMeasure(string MeasureId, DateOnly EffectiveFrom, DateOnly? EffectiveTo) : ScenarioChange;

/// <summary>Add a measure (a country target; see networks/sanctions/README.md for the fields).</summary>
public sealed record AddMeasure(Measure Measure) : ScenarioChange;
