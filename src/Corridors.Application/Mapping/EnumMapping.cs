using Corridors.Domain.Emissions;
using Corridors.Domain.Network;
using Corridors.Domain.Risk;
using Corridors.Domain.Routing;
using V1 = Corridors.Contracts.V1;

namespace Corridors.Application.Mapping;

/// <summary>Domain enums ↔ proto enums, spelled out so that a new value on either side fails loudly.</summary>
public static class EnumMapping
{
    public static V1.RouteOutcome ToProto(RouteOutcome outcome) => outcome switch
    {
        RouteOutcome.Found => V1.RouteOutcome.Found,
        RouteOutcome.NoPath => V1.RouteOutcome.NoPath,
        RouteOutcome.NotYetOpen => V1.RouteOutcome.NotYetOpen,
        RouteOutcome.Infeasible => V1.RouteOutcome.Infeasible,
        RouteOutcome.Prohibited => V1.RouteOutcome.Prohibited,
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "Unmapped route outcome."),
    };

    public static V1.TransportMode ToProto(TransportMode mode) => mode switch
    {
        TransportMode.Rail => V1.TransportMode.Rail,
        TransportMode.Road => V1.TransportMode.Road,
        TransportMode.Sea => V1.TransportMode.Sea,
        TransportMode.Ferry => V1.TransportMode.Ferry,
        TransportMode.InlandWaterway => V1.TransportMode.InlandWaterway,
        _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, "Unmapped transport mode."),
    };

    /// <summary>The domain mode, or null for UNSPECIFIED and unknown numbers.</summary>
    public static TransportMode? ToDomain(V1.TransportMode mode) => mode switch
    {
        V1.TransportMode.Rail => TransportMode.Rail,
        V1.TransportMode.Road => TransportMode.Road,
        V1.TransportMode.Sea => TransportMode.Sea,
        V1.TransportMode.Ferry => TransportMode.Ferry,
        V1.TransportMode.InlandWaterway => TransportMode.InlandWaterway,
        _ => null,
    };

    public static V1.PlaceKind ToProto(PlaceKind kind) => kind switch
    {
        PlaceKind.City => V1.PlaceKind.City,
        PlaceKind.Seaport => V1.PlaceKind.Seaport,
        PlaceKind.BorderCrossing => V1.PlaceKind.BorderCrossing,
        PlaceKind.FerryTerminal => V1.PlaceKind.FerryTerminal,
        PlaceKind.SeaWaypoint => V1.PlaceKind.SeaWaypoint,
        PlaceKind.Chokepoint => V1.PlaceKind.Chokepoint,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unmapped place kind."),
    };

    public static PlaceKind? ToDomain(V1.PlaceKind kind) => kind switch
    {
        V1.PlaceKind.City => PlaceKind.City,
        V1.PlaceKind.Seaport => PlaceKind.Seaport,
        V1.PlaceKind.BorderCrossing => PlaceKind.BorderCrossing,
        V1.PlaceKind.FerryTerminal => PlaceKind.FerryTerminal,
        V1.PlaceKind.SeaWaypoint => PlaceKind.SeaWaypoint,
        V1.PlaceKind.Chokepoint => PlaceKind.Chokepoint,
        _ => null,
    };

    public static V1.LinkStatus ToProto(LinkStatus status) => status switch
    {
        LinkStatus.Operational => V1.LinkStatus.Operational,
        LinkStatus.UnderConstruction => V1.LinkStatus.UnderConstruction,
        LinkStatus.Planned => V1.LinkStatus.Planned,
        LinkStatus.Closed => V1.LinkStatus.Closed,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unmapped link status."),
    };

    public static V1.ConstraintKind ToProto(ConstraintKind kind) => kind switch
    {
        ConstraintKind.AvoidCountry => V1.ConstraintKind.AvoidCountry,
        ConstraintKind.AvoidMode => V1.ConstraintKind.AvoidMode,
        ConstraintKind.AvoidPlace => V1.ConstraintKind.AvoidPlace,
        ConstraintKind.AvoidLink => V1.ConstraintKind.AvoidLink,
        ConstraintKind.MaxBorderCrossings => V1.ConstraintKind.MaxBorderCrossings,
        ConstraintKind.AsOfDate => V1.ConstraintKind.AsOfDate,
        ConstraintKind.MaxRiskScore => V1.ConstraintKind.MaxRiskScore,
        ConstraintKind.AllowedOnly => V1.ConstraintKind.AllowedOnly,
        ConstraintKind.ScenarioClosure => V1.ConstraintKind.ScenarioClosure,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unmapped constraint kind."),
    };

    public static V1.Objective ToProto(Objective objective) => objective switch
    {
        Objective.Fastest => V1.Objective.Fastest,
        Objective.ShortestDistance => V1.Objective.ShortestDistance,
        Objective.LowestRisk => V1.Objective.LowestRisk,
        Objective.LowestCo2e => V1.Objective.LowestCo2E,
        _ => throw new ArgumentOutOfRangeException(nameof(objective), objective, "Unmapped objective."),
    };

    /// <summary>The domain objective, or null for UNSPECIFIED and unknown numbers.</summary>
    public static Objective? ToDomain(V1.Objective objective) => objective switch
    {
        V1.Objective.Fastest => Objective.Fastest,
        V1.Objective.ShortestDistance => Objective.ShortestDistance,
        V1.Objective.LowestRisk => Objective.LowestRisk,
        V1.Objective.LowestCo2E => Objective.LowestCo2e,
        _ => null,
    };

    public static V1.RiskLevel ToProto(RiskLevel level) => level switch
    {
        RiskLevel.Low => V1.RiskLevel.Low,
        RiskLevel.Elevated => V1.RiskLevel.Elevated,
        RiskLevel.High => V1.RiskLevel.High,
        RiskLevel.Severe => V1.RiskLevel.Severe,
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, "Unmapped risk level."),
    };

    public static V1.RiskBasis ToProto(RiskBasis basis) => basis switch
    {
        RiskBasis.Reviewed => V1.RiskBasis.Reviewed,
        RiskBasis.Projected => V1.RiskBasis.Projected,
        _ => throw new ArgumentOutOfRangeException(nameof(basis), basis, null),
    };

    public static V1.RiskVerdict ToProto(RiskVerdict verdict) => verdict switch
    {
        RiskVerdict.Allowed => V1.RiskVerdict.Allowed,
        RiskVerdict.Prohibited => V1.RiskVerdict.Prohibited,
        RiskVerdict.LicenceRequired => V1.RiskVerdict.LicenceRequired,
        _ => throw new ArgumentOutOfRangeException(nameof(verdict), verdict, "Unmapped risk verdict."),
    };

    public static V1.MeasureKind ToProto(MeasureKind kind) => kind switch
    {
        MeasureKind.Sectoral => V1.MeasureKind.Sectoral,
        MeasureKind.AssetFreeze => V1.MeasureKind.AssetFreeze,
        MeasureKind.FinancingBan => V1.MeasureKind.FinancingBan,
        MeasureKind.TransitBan => V1.MeasureKind.TransitBan,
        MeasureKind.CarrierBan => V1.MeasureKind.CarrierBan,
        MeasureKind.SecondarySanctions => V1.MeasureKind.SecondarySanctions,
        MeasureKind.ShippingRestriction => V1.MeasureKind.ShippingRestriction,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unmapped measure kind."),
    };

    public static V1.Co2eBasis ToProto(Co2eBasis basis) => basis switch
    {
        Co2eBasis.Fuel => V1.Co2eBasis.Fuel,
        Co2eBasis.ElectricGrid => V1.Co2eBasis.ElectricGrid,
        Co2eBasis.Mixed => V1.Co2eBasis.Mixed,
        _ => throw new ArgumentOutOfRangeException(nameof(basis), basis, "Unknown basis."),
    };

    public static V1.HubKind ToProto(HubKind kind) => kind switch
    {
        HubKind.PortHandling => V1.HubKind.PortHandling,
        HubKind.RailTerminal => V1.HubKind.RailTerminal,
        HubKind.GaugeChange => V1.HubKind.GaugeChange,
        HubKind.FerryTerminal => V1.HubKind.FerryTerminal,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown hub kind."),
    };

    /// <summary>A leg's traction; unspecified for a leg that is not rail.</summary>
    public static V1.Traction ToProto(TractionKind? traction) => traction switch
    {
        TractionKind.Electric => V1.Traction.Electric,
        TractionKind.Diesel => V1.Traction.Diesel,
        null => V1.Traction.Unspecified,
        _ => throw new ArgumentOutOfRangeException(nameof(traction), traction, "Unknown traction."),
    };
}
