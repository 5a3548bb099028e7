using Corridors.Application.Mapping;
using Corridors.Domain.Capacity;
using Corridors.Domain.Network;
using Corridors.Domain.Routing;
using Corridors.Domain.Scenarios;
using V1 = Corridors.Contracts.V1;

namespace Corridors.Application.Queries;

/// <summary>
/// The capacity analysis of the API (<c>AnalyzeCapacity</c>): reads the request (every bad field collected, with its
/// path, e.g. <c>volumes[2].teu_per_year</c>), runs <see cref="CapacityAnalyzer"/> and writes the response. The gRPC
/// service and the in-process CLI both call it. Cheap to create; immutable.
/// </summary>
public sealed class CapacityQueries(CorridorQueries queries)
{
    /// <summary>Most volume pairs in one request: each costs a comparison plus a few detours per corridor.</summary>
    public const int MaxVolumePairs = 200;

    /// <summary>
    /// Largest volume accepted for one pair, TEU/yr: about ten times all China–Europe rail traffic of 2024 (VOL-07,
    /// 2.08 M TEU). Anything above is a typo (or another unit), not a scenario.
    /// </summary>
    public const double MaxTeuPerYearPerPair = 20_000_000;

    /// <summary>Largest risk penalty, days per 100 points: a year.</summary>
    public const double MaxRiskPenaltyDays = 365;

    /// <summary>Largest value of time accepted, USD per TEU-day.</summary>
    public const double MaxValueOfTimeUsdPerTeuDay = 10_000;

    public const string Method = "linear programme solved with Google OR-Tools GLOP; shadow prices are the LP duals of the capacity rows";

    public ContractResult<V1.AnalyzeCapacityResponse> AnalyzeCapacity(
        V1.AnalyzeCapacityRequest request, ScenarioOverlay? scenario = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new List<ContractError>();
        CorridorRouter router = queries.Router;
        QueryOptions? options = queries.Reader.Options(request.Constraints, allowCorridor: false, router.Today, errors);
        double riskPenalty = request.HasRiskPenaltyDaysPer100Points ? request.RiskPenaltyDaysPer100Points : 0;
        if (!(riskPenalty is >= 0 and <= MaxRiskPenaltyDays))
        {
            errors.Add(ContractError.Invalid("risk_penalty_days_per_100_points", $"must be between 0 and {MaxRiskPenaltyDays} days, got {riskPenalty}"));
        }

        double? valueOfTime = request.HasValueOfTimeUsdPerTeuDay ? request.ValueOfTimeUsdPerTeuDay : null;
        if (valueOfTime is { } vot && !(vot is > 0 and <= MaxValueOfTimeUsdPerTeuDay))
        {
            errors.Add(ContractError.Invalid("value_of_time_usd_per_teu_day", $"must be above 0 and at most {MaxValueOfTimeUsdPerTeuDay} USD per TEU-day, got {vot}"));
        }

        CapacityCatalog catalog = router.Dataset.Capacities;
        List<OdVolume>? volumes = request.Volumes.Count == 0 ? [.. catalog.DefaultVolumes.Pairs] : ReadVolumes(request, errors);
        if (request.Volumes.Count == 0 && volumes is { Count: 0 })
        {
            errors.Add(ContractError.Invalid("volumes", "no volumes given and the network has no default volume set (capacities.json)"));
        }

        if (errors.Count > 0)
        {
            return ContractResult<V1.AnalyzeCapacityResponse>.Failure(errors);
        }

        RouteQuery template = options!.Query(volumes![0].Origin, volumes[0].Destination, Objective.Fastest) with { Scenario = scenario };
        QueryResult<CapacityAnalysis> result = new CapacityAnalyzer(router, catalog)
            .Analyze(new CapacityQuery(template, volumes, riskPenalty), cancellationToken);
        if (!result.IsSuccess)
        {
            return ContractResult<V1.AnalyzeCapacityResponse>.Failure(RequestReader.FromDomain(result.Errors));
        }

        bool isDefault = request.Volumes.Count == 0;
        return ContractResult<V1.AnalyzeCapacityResponse>.Success(CapacityWriter.ToResponse(
            result.Value!, router.Network, catalog, scenario?.Scenario?.Id ?? string.Empty, isDefault, valueOfTime));
    }

    private List<OdVolume>? ReadVolumes(V1.AnalyzeCapacityRequest request, List<ContractError> errors)
    {
        if (request.Volumes.Count > MaxVolumePairs)
        {
            errors.Add(ContractError.Invalid("volumes", $"has {request.Volumes.Count} entries; at most {MaxVolumePairs} are accepted"));
            return null;
        }

        var volumes = new List<OdVolume>(request.Volumes.Count);
        var seen = new HashSet<(PlaceId, PlaceId)>();
        for (int i = 0; i < request.Volumes.Count; i++)
        {
            V1.OdVolume v = request.Volumes[i];
            Place? origin = queries.Reader.Place($"volumes[{i}].origin", v.Origin, errors);
            Place? destination = queries.Reader.Place($"volumes[{i}].destination", v.Destination, errors);
            double teu = v.TeuPerYear;
            if (!double.IsFinite(teu) || teu <= 0 || teu > MaxTeuPerYearPerPair)
            {
                errors.Add(ContractError.Invalid($"volumes[{i}].teu_per_year",
                    $"must be a finite number above 0 and at most {MaxTeuPerYearPerPair:0} TEU per year, got {teu}"));
                continue;
            }

            if (origin is null || destination is null)
            {
                continue;
            }

            if (origin.Id == destination.Id)
            {
                errors.Add(ContractError.Invalid($"volumes[{i}].destination", $"origin and destination are the same place '{origin.Id}'"));
            }
            else if (!seen.Add((origin.Id, destination.Id)))
            {
                errors.Add(ContractError.Invalid($"volumes[{i}]", $"the pair {origin.Id} → {destination.Id} is given more than once; give its total once"));
            }
            else
            {
                volumes.Add(new OdVolume(origin.Id, destination.Id, teu, "given by the caller"));
            }
        }

        return volumes;
    }
}
