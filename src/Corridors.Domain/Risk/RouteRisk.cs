using Corridors.Domain.Network;

namespace Corridors.Domain.Risk;

/// <summary>How worrying a score is; thresholds in <see cref="SanctionRiskAssessor.LevelOf"/>.</summary>
public enum RiskLevel
{
    /// <summary>Score below 25.</summary>
    Low,

    /// <summary>25 ≤ score &lt; 50.</summary>
    Elevated,

    /// <summary>50 ≤ score &lt; 75.</summary>
    High,

    /// <summary>Score 75 or more.</summary>
    Severe,
}

/// <summary>Whether the shipper may legally use the route at all.</summary>
public enum RiskVerdict
{
    /// <summary>No applicable measure bans the movement (exposure may still be high).</summary>
    Allowed,

    /// <summary>At least one applicable measure with <see cref="Measure.Prohibits"/> touches the route.</summary>
    Prohibited,

    /// <summary>No measure bans the movement, but at least one requires a licence first (<see cref="Measure.Licence"/>).</summary>
    LicenceRequired,
}

/// <summary>One applicable measure and where it touches the route.</summary>
/// <param name="Links">Touched links in route order.</param>
/// <param name="Places">Touched places in route order: place targets, and for a country target the route's places in that country.</param>
/// <param name="DistanceKm">Route km inside the target (a link in n countries counts km / n for a country target).</param>
/// <param name="Days">Expected (P50) days spent inside the target: moving time on the touched share of links plus dwells at touched places. Reported, not scored.</param>
/// <param name="Points">Exposure points this measure adds: weight(severity) × (km + place km-equivalents) / 1000.</param>
public sealed record MeasureExposure(
    Measure Measure,
    IReadOnlyList<LinkId> Links,
    IReadOnlyList<PlaceId> Places,
    double DistanceKm,
    double Days,
    double Points)
{
    /// <summary>What the measure's application rests on beyond the route (e.g. that the goods are EU exports); null when nothing.</summary>
    public string? Assumption { get; init; }
}

/// <summary>The sanction risk of one route for one perspective.</summary>
/// <param name="Score">0–100, a monotone function of <paramref name="ExposurePoints"/> (see <see cref="SanctionRiskAssessor.ScoreOf"/>).</param>
/// <param name="ProhibitingMeasureIds">Ids of the applicable prohibiting measures, ordinal order; empty when allowed.</param>
/// <param name="Exposures">Every applicable measure that touches the route, ordered by measure id.</param>
/// <param name="Basis">Reviewed measures, or a projection of them past their review date.</param>
/// <param name="MeasuresReviewedOn">The day the measure data was last reviewed.</param>
/// <remarks><see cref="LicensingMeasureIds"/>: the applicable measures that require a licence, ordinal order.</remarks>
public sealed record RouteRisk(
    double Score,
    RiskLevel Level,
    RiskVerdict Verdict,
    IReadOnlyList<string> ProhibitingMeasureIds,
    double ExposurePoints,
    IReadOnlyList<MeasureExposure> Exposures,
    Perspective Perspective,
    RiskBasis Basis,
    DateOnly MeasuresReviewedOn)
{
    /// <summary>Ids of the applicable measures that require a licence (ordinal order); empty when none does.</summary>
    public IReadOnlyList<string> LicensingMeasureIds { get; init; } = [];
}
