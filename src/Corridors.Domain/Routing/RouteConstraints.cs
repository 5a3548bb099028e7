using Corridors.Domain.Network;

namespace Corridors.Domain.Routing;

/// <summary>
/// Hard constraints of a query. A returned route never violates one; when none can be met the result names the
/// constraint that made the query infeasible (see <see cref="RouteOutcome"/>). Nothing is relaxed silently.
/// </summary>
public sealed record RouteConstraints
{
    /// <summary>Restrict to one corridor's links plus the access networks; the route must use the corridor's own links.</summary>
    public CorridorId? Corridor { get; init; }

    /// <summary>ISO 3166-1 alpha-2 codes of countries the route must not enter (territory or territorial waters).</summary>
    public IReadOnlySet<string> AvoidCountries { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    public IReadOnlySet<TransportMode> AvoidModes { get; init; } = new HashSet<TransportMode>();

    /// <summary>Places (including chokepoints such as <c>bab-el-mandeb</c>, <c>suez</c>) the route must not touch.</summary>
    public IReadOnlySet<PlaceId> AvoidPlaces { get; init; } = new HashSet<PlaceId>();

    public IReadOnlySet<LinkId> AvoidLinks { get; init; } = new HashSet<LinkId>();

    /// <summary>Maximum number of land border crossings, or null for no cap.</summary>
    public int? MaxBorderCrossings { get; init; }

    /// <summary>Links not open on this date (or closed by it) are unusable; null means today by the router's clock.</summary>
    public DateOnly? AsOf { get; init; }

    /// <summary>Allow links under construction or planned (their opening date is then ignored).</summary>
    public bool IncludePlanned { get; init; }

    /// <summary>Highest acceptable sanction risk score (0–100), or null for no cap.</summary>
    public double? MaxRiskScore { get; init; }

    /// <summary>Only routes no applicable measure prohibits for the shipper's perspective.</summary>
    public bool AllowedOnly { get; init; }

    /// <summary>True when the query carries any avoid-list or crossing cap (the user's own constraints).</summary>
    public bool HasUserConstraints =>
        AvoidCountries.Count > 0 || AvoidModes.Count > 0 || AvoidPlaces.Count > 0 || AvoidLinks.Count > 0
        || MaxBorderCrossings is not null || MaxRiskScore is not null || AllowedOnly;
}
