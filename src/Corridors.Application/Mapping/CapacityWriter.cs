using System.Globalization;
using Corridors.Application.Queries;
using Corridors.Domain.Capacity;
using Corridors.Domain.Network;
using V1 = Corridors.Contracts.V1;

namespace Corridors.Application.Mapping;

/// <summary>Writes a <see cref="CapacityAnalysis"/> as an <c>AnalyzeCapacityResponse</c>; figures rounded as elsewhere.</summary>
public static class CapacityWriter
{
    public static V1.AnalyzeCapacityResponse ToResponse(
        CapacityAnalysis analysis, CorridorNetwork network, CapacityCatalog catalog, string scenarioId, bool defaultVolumes, double? valueOfTime)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(catalog);
        double usd = valueOfTime ?? 0;
        var response = new V1.AnalyzeCapacityResponse
        {
            AsOf = analysis.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ScenarioId = scenarioId,
            VolumeSet = defaultVolumes ? "default" : "request",
            VolumeSetDescription = defaultVolumes ? catalog.DefaultVolumes.Description : string.Empty,
            TotalCostTeuDays = Math.Round(analysis.TotalCostTeuDays),
            TotalCostUsd = Math.Round(analysis.TotalCostTeuDays * usd),
            UnservedPenaltyDaysPerTeu = ResponseWriter.Round(analysis.UnservedCostPerTeuDays),
            RiskPenaltyDaysPer100Points = analysis.RiskPenaltyDaysPer100Points,
            ValueOfTimeUsdPerTeuDay = usd,
            Method = CapacityQueries.Method,
        };
        if (defaultVolumes)
        {
            response.VolumeSetSources.Add(catalog.DefaultVolumes.SourceIds);
        }

        response.Volumes.Add(analysis.Volumes.Select(v => new V1.VolumeUsed
        {
            Origin = Summary(network, v.Origin),
            Destination = Summary(network, v.Destination),
            TeuPerYear = Math.Round(v.TeuPerYear),
            Derivation = v.Derivation,
        }));
        response.Corridors.Add(analysis.Corridors.Select(c =>
        {
            var flow = new V1.CorridorFlow { CorridorId = c.Corridor.Value, TeuPerYear = Math.Round(c.TeuPerYear) };
            if (c.BaselineTeuPerYear is { } baseline)
            {
                flow.BaselineTeuPerYear = Math.Round(baseline);
                flow.DivertedTeuPerYear = Math.Round(c.TeuPerYear) - Math.Round(baseline);
            }

            return flow;
        }));
        // Flows below half a TEU a year are solver noise, not routes anyone uses.
        response.Routes.Add(analysis.Routes.Where(r => r.TeuPerYear >= 0.5).Select(r =>
        {
            var flow = new V1.RouteFlow
            {
                Origin = Summary(network, r.Pair.Origin),
                Destination = Summary(network, r.Pair.Destination),
                CorridorId = r.Corridor.Value,
                Via = r.Via,
                TransitDaysP50 = ResponseWriter.Round(r.Route.TransitDays.P50),
                RiskScore = ResponseWriter.Round(r.Route.SanctionRisk?.Score ?? 0),
                CostPerTeuDays = ResponseWriter.Round(r.CostPerTeuDays),
                TeuPerYear = Math.Round(r.TeuPerYear),
            };
            flow.Bottlenecks.Add(r.BottleneckIds);
            return flow;
        }));
        response.Bottlenecks.Add(analysis.Bottlenecks.Select(b => ToProto(b, usd)));
        response.Unserved.Add(analysis.Unserved.Select(u => new V1.UnservedVolume
        {
            Origin = Summary(network, u.Pair.Origin),
            Destination = Summary(network, u.Pair.Destination),
            TeuPerYear = Math.Round(u.TeuPerYear),
            Reason = u.Reason,
        }));
        return response;
    }

    private static V1.BottleneckUtilisation ToProto(BottleneckUse use, double usdPerTeuDay)
    {
        var proto = new V1.BottleneckUtilisation
        {
            Id = use.Bottleneck.Id,
            Name = use.Bottleneck.Name,
            HasCapacity = use.InForce is not null,
            LoadTeuPerYear = Math.Round(use.LoadTeuPerYear),
            Utilisation = ResponseWriter.Round(use.Utilisation ?? 0),
            Binding = use.Binding,
            ShadowPriceDaysPerTeu = ResponseWriter.Round(use.ShadowPriceDaysPerTeu),
            ShadowPriceDaysPerTrainPerDay = Math.Round(use.ShadowPriceDaysPerTrainPerDay),
            ShadowPriceUsdPerTrainPerDay = Math.Round(use.ShadowPriceDaysPerTrainPerDay * usdPerTeuDay),
            AgainstUnservedPenalty = use.AgainstUnservedPenalty,
        };
        proto.Links.Add(use.Bottleneck.Links.Select(l => l.Value));
        proto.Places.Add(use.Bottleneck.Places.Select(p => p.Value));
        if (use.InForce is { } period)
        {
            proto.CapacityTeuPerYear = Math.Round(period.TeuPerYear);
            proto.CapacityMethod = period.TeuPerYearMethod;
            proto.ValidFrom = period.From.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            proto.ValidTo = period.To?.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? string.Empty;
            proto.Sources.Add(period.SourceIds);
            proto.Note = period.Note;
            foreach (PublishedCapacity published in period.Published)
            {
                var figure = new V1.PublishedCapacity { Value = published.Value, Unit = CapacityCatalog.UnitText(published.Unit) };
                figure.Sources.Add(published.Provenance.SourceIds);
                proto.Published.Add(figure);
            }
        }

        return proto;
    }

    private static V1.PlaceSummary Summary(CorridorNetwork network, PlaceId id) => ResponseWriter.ToSummary(network.GetPlace(id));
}
