using System.Diagnostics.Metrics;
using Corridors.Contracts.V1;
using Place = Corridors.Domain.Network.Place;

namespace Corridors.Server.Metrics;

/// <summary>
/// The metrics board (the configured pairs, baseline, today) as gauges, so Prometheus and Grafana can poll route
/// metrics without a gRPC client: <c>corridors_transit_days{origin,destination,corridor,quantile}</c> (p10, p50, p90),
/// <c>corridors_risk_score{origin,destination,corridor}</c> and <c>corridors_data_age_days</c> (and
/// <c>corridors_data_days_left</c>). Routes only for outcomes with figures (found, prohibited). Read from the board's
/// cache, so a scrape computes nothing new within a version.
/// </summary>
public sealed class BoardGauges
{
    private static readonly RouteOutcome[] WithFigures = [RouteOutcome.Found, RouteOutcome.Prohibited];

    private readonly MetricsBoard _board;

    public BoardGauges(MetricsBoard board, CorridorsTelemetry telemetry)
    {
        ArgumentNullException.ThrowIfNull(telemetry);
        _board = board;
        Meter meter = telemetry.Meter;
        meter.CreateObservableGauge("corridors.transit_days", TransitDays, description: "Transit time of the board's routes in days, by quantile (baseline, today).");
        meter.CreateObservableGauge("corridors.risk_score", RiskScores, description: "Sanction risk score 0–100 of the board's routes (EU perspective, general cargo).");
        meter.CreateObservableGauge("corridors.data_age_days", () => _board.Freshness.AgeDays, description: "Days since the sanction data was reviewed.");
        meter.CreateObservableGauge("corridors.data_days_left", () => _board.Freshness.DaysLeft, description: "Days until the sanction data is stale (negative once it is).");
    }

    private IEnumerable<Measurement<double>> TransitDays() =>
        Routes().SelectMany(route => new[]
        {
            new Measurement<double>(route.Metric.TransitDays.P10, [.. route.Tags, new("quantile", "p10")]),
            new Measurement<double>(route.Metric.TransitDays.P50, [.. route.Tags, new("quantile", "p50")]),
            new Measurement<double>(route.Metric.TransitDays.P90, [.. route.Tags, new("quantile", "p90")]),
        });

    private IEnumerable<Measurement<double>> RiskScores() =>
        Routes().Select(route => new Measurement<double>(route.Metric.SanctionRisk.Score, route.Tags));

    private IEnumerable<(CorridorMetric Metric, KeyValuePair<string, object?>[] Tags)> Routes()
    {
        if (_board.ResolvePairs([]).Value is not IReadOnlyList<(Place Origin, Place Destination)> pairs)
        {
            return [];
        }

        GetCorridorMetricsResponse metrics = _board.Get(pairs, scenario: null, CancellationToken.None);
        return metrics.Pairs.SelectMany(pair => pair.Corridors
            .Where(c => WithFigures.Contains(c.Outcome))
            .Select(c => (c, new KeyValuePair<string, object?>[]
            {
                new("origin", pair.Origin.Id), new("destination", pair.Destination.Id), new("corridor", c.CorridorId),
            })));
    }
}
