using System.Runtime.CompilerServices;
using Corridors.Domain.Emissions;
using V1 = Corridors.Contracts.V1;

namespace Corridors.Application.Mapping;

/// <summary>
/// CO2e answers as proto messages: well-to-wheel with tank-to-wheel beside it, the basis, the factors and their
/// sources, stand-ins flagged. Figures are rounded like every other figure (<see cref="ResponseWriter.Round"/>).
/// </summary>
public static class Co2eWriter
{
    /// <summary>
    /// Each kept leg figure's message, written once: the estimator shares a leg's default-payload figures between
    /// routes, so the same message serves every answer that travels that leg (answers are never modified once
    /// written). Another payload's figures are written for their answer alone.
    /// </summary>
    private static readonly ConditionalWeakTable<LegEmissions, V1.LegCo2e> Legs = new();

    /// <summary>Each kept hub figure's message, written once and shared, as the legs' (another payload's are written per answer).</summary>
    private static readonly ConditionalWeakTable<HubEmissions, V1.HubCo2e> HubMessages = new();

    /// <summary>Each applied factor's message, written once: the estimator keeps its factors for the network's life.</summary>
    private static readonly ConditionalWeakTable<AppliedFactor, V1.Co2eFactor> Factors = new();

    public static V1.LegCo2e ToLeg(LegEmissions leg)
    {
        ArgumentNullException.ThrowIfNull(leg);
        return leg.Kept ? Legs.GetValue(leg, Write) : Write(leg);
    }

    private static V1.LegCo2e Write(LegEmissions leg)
    {
        var proto = new V1.LegCo2e
        {
            WtwKg = ResponseWriter.Round(leg.WtwKg),
            TtwKg = ResponseWriter.Round(leg.TtwKg),
            Basis = EnumMapping.ToProto(leg.Basis),
            StandIn = leg.UsesStandIns,
            Traction = EnumMapping.ToProto(leg.Traction),
        };
        proto.FactorIds.Add(leg.Factors.Select(f => f.Id));
        proto.TractionSourceIds.Add(leg.TractionSourceIds);
        return proto;
    }

    public static V1.RouteCo2e ToRoute(RouteEmissions emissions)
    {
        ArgumentNullException.ThrowIfNull(emissions);
        var proto = new V1.RouteCo2e
        {
            WtwKg = ResponseWriter.Round(emissions.WtwKg),
            TtwKg = ResponseWriter.Round(emissions.TtwKg),
            Basis = EnumMapping.ToProto(emissions.Basis),
            LineHaulWtwKg = ResponseWriter.Round(emissions.LineHaulWtwKg),
            HubWtwKg = ResponseWriter.Round(emissions.HubWtwKg),
            UsesStandIns = emissions.UsesStandIns,
            GridYear = emissions.GridYear,
        };
        foreach (HubEmissions hub in emissions.Hubs)
        {
            proto.Hubs.Add(hub.Kept ? HubMessages.GetValue(hub, static h => SharedMessages.Share(Write(h))) : Write(hub));
        }

        foreach (AppliedFactor factor in emissions.Factors)
        {
            proto.Factors.Add(Factors.GetValue(factor, ToProto));
        }

        proto.Notes.Add(emissions.Notes);
        return proto;
    }

    private static V1.HubCo2e Write(HubEmissions hub) => new()
    {
        Place = ResponseWriter.ToRef(hub.Place),
        Kind = EnumMapping.ToProto(hub.Kind),
        WtwKg = ResponseWriter.Round(hub.WtwKg),
        TtwKg = ResponseWriter.Round(hub.TtwKg),
        FactorId = hub.Factor.Id,
        StandIn = hub.Factor.IsStandIn,
    };

    private static V1.Co2eFactor ToProto(AppliedFactor factor)
    {
        var proto = new V1.Co2eFactor { Id = factor.Id, Value = factor.ValueText, StandIn = factor.IsStandIn };
        proto.SourceIds.Add(factor.SourceIds);
        return SharedMessages.Share(proto);
    }
}
