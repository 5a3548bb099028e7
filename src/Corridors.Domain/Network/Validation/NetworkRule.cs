namespace Corridors.Domain.Network.Validation;

/// <summary>
/// The rule a <see cref="NetworkProblem"/> breaks. One value per rule of <c>networks/README.md</c> plus the
/// structural rules of the loader (missing file, malformed JSON, wrong type…). Printed in kebab-case.
/// </summary>
public enum NetworkRule
{
    // Files and structure (found by the loader).

    /// <summary>The folder, <c>corridors.json</c>, <c>sources.csv</c> or any <c>*.geojson</c> is missing or unreadable.</summary>
    MissingFile,

    /// <summary>A JSON file does not parse (syntax error, duplicate property name).</summary>
    MalformedJson,

    /// <summary><c>sources.csv</c> does not parse (header, quoting, number of fields).</summary>
    MalformedCsv,

    /// <summary>A required property is absent, null or empty.</summary>
    MissingProperty,

    /// <summary>A property has the wrong JSON type (string where a number is expected…).</summary>
    WrongType,

    /// <summary>A property the schema does not define: it would otherwise be silently ignored.</summary>
    UnknownProperty,

    /// <summary><c>properties.featureType</c> is neither <c>place</c> nor <c>link</c>.</summary>
    UnknownFeatureType,

    /// <summary>Geometry of the wrong type, or positions that are not [longitude, latitude] pairs.</summary>
    InvalidGeometry,

    /// <summary>A place, link or corridor id that is not lowercase ASCII words joined by <c>-</c>.</summary>
    InvalidIdShape,

    // Identity and references.

    /// <summary>The same id defined twice (places and links share one id space across all files).</summary>
    DuplicateId,

    /// <summary>A link end or corridor end that names no place.</summary>
    UnknownPlace,

    /// <summary>A source id (in a figure, place, link or corridor) that is not in <c>sources.csv</c>.</summary>
    UnknownSource,

    /// <summary>A link's corridor that is neither in <c>corridors.json</c> nor <c>access</c>.</summary>
    UnknownCorridor,

    /// <summary>An unknown transport mode.</summary>
    UnknownMode,

    /// <summary>An unknown link status.</summary>
    UnknownStatus,

    /// <summary>An unknown place kind or dwell kind.</summary>
    UnknownKind,

    // Places.

    /// <summary>A coordinate that is not finite or lies outside [-90, 90] latitude / [-180, 180] longitude.</summary>
    InvalidCoordinate,

    /// <summary>A country code that is not two uppercase letters (ISO 3166-1 alpha-2, or <c>XZ</c>).</summary>
    InvalidCountryCode,

    /// <summary>A UN/LOCODE that is not two letters and three letters or digits 2–9, without space.</summary>
    InvalidUnLocode,

    /// <summary>Two dwells of the same kind at one place.</summary>
    DuplicateDwell,

    // Links.

    /// <summary>A distance that is not a finite number above zero.</summary>
    NonPositiveDistance,

    /// <summary>A distance shorter than the great-circle distance between the link's places.</summary>
    DistanceBelowGeodesic,

    /// <summary>A distance more than <see cref="NetworkValidator.MaxCircuityRatio"/> times the great-circle distance.</summary>
    DistanceAboveCircuityLimit,

    /// <summary>
    /// A distance shorter than the link's own drawn polyline (beyond <see cref="NetworkValidator.PolylineToleranceRatio"/>
    /// and the endpoint offsets): the line cannot be shorter than the path drawn for it.
    /// </summary>
    DistanceBelowPolyline,

    /// <summary>
    /// A derived (unsourced) distance more than <see cref="NetworkValidator.MaxDerivedCircuityRatio"/> times the great
    /// circle that its drawn polyline does not account for.
    /// </summary>
    DerivedDistanceAboveCircuityLimit,

    /// <summary>A seaport a maritime corridor cannot reach by sea, without an <c>offMaritimeReason</c> saying why.</summary>
    SeaportUnreachableBySea,

    /// <summary>A link whose two ends are the same place.</summary>
    LinkToItself,

    /// <summary>A rail link without <c>gaugeMm</c>.</summary>
    RailLinkWithoutGauge,

    /// <summary><c>gaugeMm</c> on a link that is not rail.</summary>
    GaugeOnNonRailLink,

    /// <summary><c>traction</c> on a link that is not rail, or <c>electrifiedFrom</c> on a diesel link.</summary>
    TractionNotFitting,

    /// <summary>A <c>traction</c> tag without <c>tractionSources</c>: every tag is sourced or a labelled assumption.</summary>
    TractionWithoutSources,

    /// <summary>A link with both or neither of <c>speedKmh</c> and <c>durationHours</c>.</summary>
    SpeedAndDurationNotExclusive,

    /// <summary>A geometry end more than <see cref="NetworkValidator.MaxEndpointOffsetKm"/> from its place.</summary>
    GeometryEndpointTooFar,

    /// <summary>A link that belongs to no corridor (not even <c>access</c>).</summary>
    LinkWithoutCorridor,

    /// <summary>A date that is not <c>yyyy-MM-dd</c>, or <c>opens</c> not before <c>closes</c>.</summary>
    InvalidDate,

    /// <summary>A capacity that is not a finite number above zero, or has no unit.</summary>
    NonPositiveValue,

    // Figures.

    /// <summary>A figure with neither <c>sources</c> nor <c>derived</c> (or with both empty).</summary>
    FigureWithoutProvenance,

    /// <summary>A range that does not satisfy 0 &lt; min ≤ typical ≤ max (all finite).</summary>
    RangeNotOrdered,

    // Dwells required by the shape of the network.

    /// <summary>Rail links of different gauge meet at a place without a <c>gauge-break</c> dwell.</summary>
    MissingGaugeBreakDwell,

    /// <summary>Land and water links meet at a place without a <c>port-handling</c> dwell.</summary>
    MissingPortHandlingDwell,

    /// <summary>A ferry terminal without a <c>ferry-wait</c> dwell.</summary>
    MissingFerryWaitDwell,

    // Corridors.

    /// <summary>A corridor no link belongs to.</summary>
    CorridorWithoutLinks,

    /// <summary>A corridor's Chinese place from which one of its European places cannot be reached.</summary>
    CorridorNotConnected,
}
