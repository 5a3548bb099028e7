using Corridors.Domain.Routing;

namespace Corridors.Application.Queries;

/// <summary>Documented maxima a request must stay within; the server takes them from its validated options.</summary>
/// <param name="MaxMatrixCells">Largest origins × destinations accepted (at most <see cref="CorridorRouter.MaxMatrixCells"/>).</param>
/// <param name="MaxListItems">Most entries in any repeated request field (avoid lists, matrix origins, criteria…).</param>
/// <param name="MaxTextLength">Longest place name, id or code accepted, in UTF-16 characters.</param>
/// <param name="MaxSnapDistanceKm">Default search radius of a nearest-place query, in km.</param>
/// <param name="MaxMetricsPairs">Most origin–destination pairs in one metrics request.</param>
public sealed record QueryLimits(
    int MaxMatrixCells,
    int MaxListItems,
    int MaxTextLength,
    double MaxSnapDistanceKm,
    int MaxMetricsPairs)
{
    /// <summary>The defaults the server's options also start from.</summary>
    public static readonly QueryLimits Default = new(
        MaxMatrixCells: CorridorRouter.MaxMatrixCells,
        MaxListItems: 256,
        MaxTextLength: 200,
        MaxSnapDistanceKm: 250,
        MaxMetricsPairs: 50);

    /// <summary>Half the Earth's circumference in km: no two points are farther apart on the great circle.</summary>
    public const double MaxGreatCircleKm = 20_015.1;
}
