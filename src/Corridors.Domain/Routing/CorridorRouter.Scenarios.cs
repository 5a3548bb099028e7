namespace Corridors.Domain.Routing;

/// <summary>One corridor under the baseline and under a scenario, with the differences (scenario − baseline).</summary>
/// <param name="DeltaDistanceKm">Null unless both found a route.</param>
public sealed record CorridorDelta(
    Network.Corridor Corridor,
    RouteAnswer Baseline,
    RouteAnswer Scenario,
    double? DeltaDistanceKm,
    double? DeltaP50Days,
    double? DeltaRiskScore,
    bool OutcomeChanged);

/// <summary>A comparison under a scenario side by side with the baseline.</summary>
public sealed record ScenarioComparisonSet(CorridorComparisonSet Baseline, CorridorComparisonSet Scenario, IReadOnlyList<CorridorDelta> Deltas);

public sealed partial class CorridorRouter
{
    /// <summary>
    /// Compares the corridors under the query's scenario and under the baseline, with per-corridor deltas. The
    /// query must name a scenario.
    /// </summary>
    public QueryResult<ScenarioComparisonSet> CompareWithBaseline(RouteQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.Scenario is null)
        {
            return QueryResult<ScenarioComparisonSet>.Failure([new QueryError("scenario_id", "a side-by-side comparison needs a scenario")]);
        }

        QueryResult<CorridorComparisonSet> scenario = Compare(query, cancellationToken);
        if (scenario.Value is null)
        {
            return QueryResult<ScenarioComparisonSet>.Failure(scenario.Errors);
        }

        CorridorComparisonSet baseline = Compare(query with { Scenario = null }, cancellationToken).Value!;
        var deltas = baseline.Comparisons.Zip(scenario.Value.Comparisons, (b, s) =>
        {
            Route? before = b.Answer.Route;
            Route? after = s.Answer.Route;
            bool both = before is not null && after is not null;
            return new CorridorDelta(
                b.Corridor,
                b.Answer,
                s.Answer,
                both ? after!.DistanceKm - before!.DistanceKm : null,
                both ? after!.TransitDays.P50 - before!.TransitDays.P50 : null,
                both ? after!.SanctionRisk!.Score - before!.SanctionRisk!.Score : null,
                b.Answer.Outcome != s.Answer.Outcome);
        }).ToList();
        return QueryResult<ScenarioComparisonSet>.Success(new ScenarioComparisonSet(baseline, scenario.Value, deltas));
    }
}
