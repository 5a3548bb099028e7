using System.Runtime.CompilerServices;
using Corridors.Domain.Emissions;
using Corridors.Domain.Network;
using Corridors.Domain.Risk;
using Corridors.Domain.Routing;
using V1 = Corridors.Contracts.V1;

namespace Corridors.Application.Mapping;

/// <summary>
/// Domain results → proto messages. The one place where the API's figures are shaped; the server and the CLI both
/// print what this writes, so they show the same numbers.
/// </summary>
public static class ResponseWriter
{
    /// <summary>
    /// Figures are rounded to 3 decimals (1 m for km, 0.001 day ≈ 1.4 min, 3.6 s for hours): finer than any source
    /// figure, and it keeps floating-point noise (9283.900000000001) out of the JSON.
    /// </summary>
    public const int FigureDecimals = 3;

    public static double Round(double value) => Math.Round(value, FigureDecimals, MidpointRounding.AwayFromZero);

    private static readonly ConditionalWeakTable<RouteLeg, LegMessages> KeptLegMessages = new();

    /// <summary>
    /// Messages kept per leg: one per CO2e figure it is seen with. Routes sharing a leg may differ in CO2e (each route's
    /// sea context), and the estimator keeps an electric rail leg's figures per year of the as-of date (its grid year):
    /// 2014–2040 is 27 years, so a mix of dates keeps finding its messages. Some 400 bytes each.
    /// </summary>
    private const int MessagesPerLeg = 32;

    /// <summary>
    /// A leg's messages by the CO2e figure each was written with, newest first, in two parallel arrays: a lookup compares
    /// the figures' references in one contiguous array (a mix of dates keeps some 30 per leg, and an answer looks up a
    /// hundred legs). Never modified: a new figure makes a new instance.
    /// </summary>
    private sealed class LegMessages(LegEmissions?[] figures, V1.RouteLeg[] messages)
    {
        public static readonly LegMessages None = new([], []);

        public V1.RouteLeg? Find(LegEmissions? emissions)
        {
            for (int i = 0; i < figures.Length; i++)
            {
                if (ReferenceEquals(figures[i], emissions)) // by reference: the estimator shares each figure it keeps
                {
                    return messages[i];
                }
            }

            return null;
        }

        /// <summary>These messages with <paramref name="message"/> first, the oldest dropped beyond <see cref="MessagesPerLeg"/>.</summary>
        public LegMessages With(LegEmissions? emissions, V1.RouteLeg message)
        {
            int kept = Math.Min(figures.Length, MessagesPerLeg - 1);
            var newFigures = new LegEmissions?[kept + 1];
            var newMessages = new V1.RouteLeg[kept + 1];
            (newFigures[0], newMessages[0]) = (emissions, message);
            Array.Copy(figures, 0, newFigures, 1, kept);
            Array.Copy(messages, 0, newMessages, 1, kept);
            return new LegMessages(newFigures, newMessages);
        }
    }

    public static V1.PlaceRef ToRef(Place place)
    {
        ArgumentNullException.ThrowIfNull(place);
        return new V1.PlaceRef { Id = place.Id.Value, Name = place.Name };
    }

    public static V1.PlaceSummary ToSummary(Place place)
    {
        ArgumentNullException.ThrowIfNull(place);
        return new V1.PlaceSummary { Id = place.Id.Value, Name = place.Name, Country = place.CountryCode };
    }

    public static V1.Place ToPlace(Place place)
    {
        ArgumentNullException.ThrowIfNull(place);
        var proto = new V1.Place
        {
            Id = place.Id.Value,
            Name = place.Name,
            Country = place.CountryCode,
            Unlocode = place.UnLocode ?? string.Empty,
            Kind = EnumMapping.ToProto(place.Kind),
            Location = new V1.LatLng { LatitudeDeg = place.Location.Y, LongitudeDeg = place.Location.X },
        };
        proto.Aliases.Add(place.Aliases);
        return proto;
    }

    public static V1.TransitDays ToProto(Domain.TransitTime.TransitDays days) =>
        new() { P10 = Round(days.P10), P50 = Round(days.P50), P90 = Round(days.P90) };

    public static V1.ModeKm ToModeKm(IReadOnlyDictionary<TransportMode, double> modeKm)
    {
        ArgumentNullException.ThrowIfNull(modeKm);
        return new V1.ModeKm
        {
            Rail = Round(modeKm.GetValueOrDefault(TransportMode.Rail)),
            Road = Round(modeKm.GetValueOrDefault(TransportMode.Road)),
            Sea = Round(modeKm.GetValueOrDefault(TransportMode.Sea)),
            Ferry = Round(modeKm.GetValueOrDefault(TransportMode.Ferry)),
            InlandWaterway = Round(modeKm.GetValueOrDefault(TransportMode.InlandWaterway)),
        };
    }

    /// <summary>
    /// A leg's message, written once per leg and CO2e figure: the router shares a leg between the routes that travel
    /// it the same way and the estimator shares its CO2e, so the same message serves every answer over that leg
    /// (answers are never modified once written). A leg is kept with up to <see cref="MessagesPerLeg"/> figures, as two
    /// routes over it may estimate it differently (the Suez and Cape routes share their Asian sea legs) and so may two
    /// dates; one more replaces the oldest. Figures the estimator does not keep (another payload's) get a message for
    /// their answer alone, which is neither kept nor listed as shared.
    /// </summary>
    public static V1.RouteLeg ToLeg(RouteLeg leg, LegEmissions? emissions = null)
    {
        ArgumentNullException.ThrowIfNull(leg);
        if (emissions is { Kept: false })
        {
            return WriteLeg(leg, emissions);
        }

        LegMessages known = KeptLegMessages.TryGetValue(leg, out LegMessages? kept) ? kept : LegMessages.None;
        if (known.Find(emissions) is { } found)
        {
            return found;
        }

        V1.RouteLeg message = SharedMessages.Share(WriteLeg(leg, emissions));
        KeptLegMessages.AddOrUpdate(leg, known.With(emissions, message));
        return message;
    }

    private static V1.RouteLeg WriteLeg(RouteLeg leg, LegEmissions? emissions)
    {
        var proto = new V1.RouteLeg
        {
            From = ToRef(leg.From),
            To = ToRef(leg.To),
            Mode = EnumMapping.ToProto(leg.Mode),
            DistanceKm = Round(leg.DistanceKm),
            Hours = new V1.LegHours { P50 = Round(leg.P50Hours), Min = Round(leg.MovingHours.Min), Max = Round(leg.MovingHours.Max) },
            DwellHours = Round(leg.DwellHours),
            LinkId = leg.Link.Id.Value,
            Forecast = leg.Link.IsForecast,
        };
        if (leg.Link.IsForecast && leg.Link.Opens is { } opens)
        {
            proto.ForecastOpensOn = ProtoDates.ToText(opens.Date);
        }

        if (emissions is not null)
        {
            proto.Co2EKg = Round(emissions.WtwKg);
            proto.Co2E = Co2eWriter.ToLeg(emissions);
        }

        return proto;
    }

    /// <summary>The legs with their CO2e (the estimator returns one entry per leg, in route order).</summary>
    public static IEnumerable<V1.RouteLeg> ToLegs(Route route)
    {
        ArgumentNullException.ThrowIfNull(route);
        IReadOnlyList<LegEmissions>? emissions = route.Emissions?.Legs;
        bool aligned = emissions is not null && emissions.Count == route.Legs.Count;
        return route.Legs.Select((leg, i) => ToLeg(leg, aligned && emissions![i].Link == leg.Link.Id ? emissions[i] : null));
    }

    public static V1.SanctionRisk ToSanctionRisk(RouteRisk risk)
    {
        ArgumentNullException.ThrowIfNull(risk);
        var proto = new V1.SanctionRisk
        {
            Score = Round(risk.Score),
            Level = EnumMapping.ToProto(risk.Level),
            Verdict = EnumMapping.ToProto(risk.Verdict),
            Perspective = risk.Perspective.ToString(),
            ExposurePoints = Round(risk.ExposurePoints),
            Basis = EnumMapping.ToProto(risk.Basis),
            MeasuresReviewedOn = ProtoDates.ToText(risk.MeasuresReviewedOn),
        };
        proto.ProhibitingMeasureIds.Add(risk.ProhibitingMeasureIds);
        proto.LicensingMeasureIds.Add(risk.LicensingMeasureIds);
        proto.Exposures.Add(risk.Exposures.Select(ToExposure));
        return proto;
    }

    public static V1.DataFreshness ToProto(DataFreshness freshness)
    {
        ArgumentNullException.ThrowIfNull(freshness);
        return new V1.DataFreshness
        {
            BusinessDate = ProtoDates.ToText(freshness.Today),
            ReviewedOn = ProtoDates.ToText(freshness.ReviewedOn),
            FreshUntil = ProtoDates.ToText(freshness.FreshUntil),
            AgeDays = freshness.AgeDays,
            DaysLeft = freshness.DaysLeft,
            Stale = freshness.IsStale,
        };
    }

    public static V1.RiskExposure ToExposure(MeasureExposure exposure)
    {
        ArgumentNullException.ThrowIfNull(exposure);
        Measure measure = exposure.Measure;
        var proto = new V1.RiskExposure
        {
            MeasureId = measure.Id,
            Regime = measure.Regime.ToString(), // an enum's name, kept by the runtime
            Title = measure.Title,
            Target = TargetTexts.GetValue(measure, static m => m.Target.Describe()),
            Kind = EnumMapping.ToProto(measure.Kind),
            Severity = measure.Severity,
            Prohibits = measure.Prohibits,
            DistanceKm = Round(exposure.DistanceKm),
            Days = Round(exposure.Days),
            Points = Round(exposure.Points),
        };
        proto.LinkIds.Add(exposure.Links.Select(l => l.Value));
        proto.PlaceIds.Add(exposure.Places.Select(p => p.Value));
        proto.SourceIds.Add(measure.SourceIds);
        proto.Act = measure.Act ?? string.Empty;
        proto.InForceFrom = ProtoDates.ToText(measure.EffectiveFrom);
        proto.Assumption = exposure.Assumption ?? string.Empty;
        proto.Articles = measure.Articles ?? string.Empty;
        if (measure.Licence is { } licence)
        {
            proto.LicenceAuthority = licence.Authority;
            proto.LicenceType = licence.Type;
        }

        return proto;
    }

    public static V1.Route ToRoute(Route route)
    {
        ArgumentNullException.ThrowIfNull(route);
        var proto = new V1.Route
        {
            DistanceKm = Round(route.DistanceKm),
            TransitDays = ToProto(route.TransitDays),
            BorderCrossings = route.BorderCrossings,
            GaugeBreaks = route.GaugeBreaks,
            ModeKm = ToModeKm(route.ModeKm),
            GeometryGeojson = GeoJsonText.Route(route),
        };
        proto.Countries.Add(route.Countries.Select(ToCountryKm));
        proto.Legs.Add(ToLegs(route));
        proto.CorridorIds.Add(route.CorridorsUsed.Select(c => c.Value));
        proto.Notes.Add(route.Notes);
        if (route.SanctionRisk is { } risk)
        {
            proto.SanctionRisk = ToSanctionRisk(risk);
        }

        if (route.Emissions is { } emissions)
        {
            proto.Co2EKg = Round(emissions.WtwKg);
            proto.Co2E = Co2eWriter.ToRoute(emissions);
        }

        return proto;
    }

    public static V1.RouteAnswer ToAnswer(RouteAnswer answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var proto = new V1.RouteAnswer { Outcome = EnumMapping.ToProto(answer.Outcome), Explanation = answer.Explanation };
        proto.Reasons.Add(answer.Reasons.Select(ToInfeasibility));
        if (answer.OpensOn is { } opensOn)
        {
            proto.OpensOn = ProtoDates.ToText(opensOn);
        }

        return proto;
    }

    /// <summary>One corridor's answer, its costly parts only as far as <paramref name="parts"/> asks.</summary>
    public static V1.CorridorComparison ToComparison(CorridorComparison comparison, RouteParts parts = RouteParts.All)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        RouteAnswer answer = comparison.Answer;
        var proto = new V1.CorridorComparison
        {
            CorridorId = comparison.Corridor.Id.Value,
            CorridorName = comparison.Corridor.Name,
            Outcome = EnumMapping.ToProto(answer.Outcome),
            Explanation = answer.Explanation,
        };
        proto.Reasons.Add(answer.Reasons.Select(ToInfeasibility));
        if (answer.OpensOn is { } opensOn)
        {
            proto.OpensOn = ProtoDates.ToText(opensOn);
        }

        if (answer.Route is { } route)
        {
            proto.DistanceKm = Round(route.DistanceKm);
            proto.TransitDays = ToProto(route.TransitDays);
            proto.BorderCrossings = route.BorderCrossings;
            proto.GaugeBreaks = route.GaugeBreaks;
            proto.ModeKm = ToModeKm(route.ModeKm);
            proto.Countries.Add(route.Countries.Select(ToCountryKm));
            proto.Notes.Add(route.Notes);
            if (parts.HasFlag(RouteParts.Legs))
            {
                proto.Legs.Add(ToLegs(route));
            }

            if (parts.HasFlag(RouteParts.Geometry))
            {
                proto.GeometryGeojson = GeoJsonText.Route(route);
            }

            if (parts.HasFlag(RouteParts.SanctionRisk) && route.SanctionRisk is { } risk)
            {
                proto.SanctionRisk = ToSanctionRisk(risk);
            }

            if (route.Emissions is { } emissions)
            {
                proto.Co2EKg = Round(emissions.WtwKg);
                if (parts.HasFlag(RouteParts.Co2e))
                {
                    proto.Co2E = Co2eWriter.ToRoute(emissions);
                }
            }
        }

        return proto;
    }

    /// <summary>The costly parts of the routes in the response's repeated field <paramref name="routes"/> that <paramref name="mask"/> wants.</summary>
    public static RouteParts Wanted(ResponseMask mask, string routes)
    {
        ArgumentNullException.ThrowIfNull(mask);
        return mask.IsAll
            ? RouteParts.All
            : (mask.Wants(routes + ".legs") ? RouteParts.Legs : RouteParts.None)
                | (mask.Wants(routes + ".geometry_geojson") ? RouteParts.Geometry : RouteParts.None)
                | (mask.Wants(routes + ".co2e") ? RouteParts.Co2e : RouteParts.None)
                | (mask.Wants(routes + ".sanction_risk") ? RouteParts.SanctionRisk : RouteParts.None);
    }

    /// <summary>The comparison, routes written as far as <paramref name="mask"/> wants them (null: whole); the caller applies the mask.</summary>
    public static V1.CompareCorridorsResponse ToResponse(CorridorComparisonSet set, DataFreshness freshness, ResponseMask? mask = null)
    {
        ArgumentNullException.ThrowIfNull(set);
        RouteParts parts = Wanted(mask ?? ResponseMask.All, "comparisons");
        var proto = new V1.CompareCorridorsResponse
        {
            Origin = ToSummary(set.Origin),
            Destination = ToSummary(set.Destination),
            AsOf = ProtoDates.ToText(set.AsOf),
            Objective = EnumMapping.ToProto(set.Objective),
            DataFreshness = ToProto(freshness),
        };
        proto.Comparisons.Add(set.Comparisons.Select(c => ToComparison(c, parts)));
        return proto;
    }

    /// <summary>
    /// A comparison under a scenario: the scenario's comparisons (as <see cref="ToResponse(CorridorComparisonSet, DataFreshness)"/>),
    /// the scenario's id and version, and, for a side-by-side answer, the baseline's comparisons and the deltas.
    /// </summary>
    public static V1.CompareCorridorsResponse ToResponse(CorridorComparisonSet set, Domain.Scenarios.ScenarioOverlay? scenario, DataFreshness freshness, ResponseMask? mask = null)
    {
        V1.CompareCorridorsResponse proto = ToResponse(set, freshness, mask);
        if (scenario?.Scenario is { } definition)
        {
            proto.ScenarioId = definition.Id;
            proto.ScenarioVersion = scenario.Version;
        }

        return proto;
    }

    /// <summary>The scenario's comparison with the baseline's beside it and the per-corridor deltas.</summary>
    public static V1.CompareCorridorsResponse ToResponse(ScenarioComparisonSet set, Domain.Scenarios.ScenarioOverlay scenario, DataFreshness freshness, ResponseMask? mask = null)
    {
        ArgumentNullException.ThrowIfNull(set);
        V1.CompareCorridorsResponse proto = ToResponse(set.Scenario, scenario, freshness, mask);
        RouteParts baselineParts = Wanted(mask ?? ResponseMask.All, "baseline_comparisons");
        proto.BaselineComparisons.Add(set.Baseline.Comparisons.Select(c => ToComparison(c, baselineParts)));
        proto.Deltas.Add(set.Deltas.Select(ToDelta));
        return proto;
    }

    public static V1.CorridorDelta ToDelta(CorridorDelta delta)
    {
        ArgumentNullException.ThrowIfNull(delta);
        var proto = new V1.CorridorDelta
        {
            CorridorId = delta.Corridor.Id.Value,
            BaselineOutcome = EnumMapping.ToProto(delta.Baseline.Outcome),
            ScenarioOutcome = EnumMapping.ToProto(delta.Scenario.Outcome),
            OutcomeChanged = delta.OutcomeChanged,
        };
        if (delta.DeltaDistanceKm is { } km)
        {
            proto.DeltaDistanceKm = Round(km);
        }

        if (delta.DeltaP50Days is { } days)
        {
            proto.DeltaP50Days = Round(days);
        }

        if (delta.DeltaRiskScore is { } risk)
        {
            proto.DeltaRiskScore = Round(risk);
        }

        return proto;
    }

    public static V1.FindRoutesResponse ToResponse(RouteSet set, Place origin, Place destination, DateOnly asOf, Objective objective, DataFreshness freshness)
    {
        ArgumentNullException.ThrowIfNull(set);
        var proto = new V1.FindRoutesResponse
        {
            DataFreshness = ToProto(freshness),
            Origin = ToSummary(origin),
            Destination = ToSummary(destination),
            AsOf = ProtoDates.ToText(asOf),
            Answer = ToAnswer(set.Answer),
            Objective = EnumMapping.ToProto(objective),
        };
        proto.Routes.Add(set.Routes.Select(ToRoute));
        return proto;
    }

    public static V1.FindParetoRoutesResponse ToResponse(ParetoFront front, Place origin, Place destination, DateOnly asOf, DataFreshness freshness)
    {
        ArgumentNullException.ThrowIfNull(front);
        var proto = new V1.FindParetoRoutesResponse
        {
            DataFreshness = ToProto(freshness),
            Origin = ToSummary(origin),
            Destination = ToSummary(destination),
            AsOf = ProtoDates.ToText(asOf),
            Answer = ToAnswer(front.Answer),
            Truncated = front.Truncated,
        };
        proto.Criteria.Add(front.Criteria.Select(EnumMapping.ToProto));
        foreach (ParetoRoute route in front.Routes)
        {
            var member = new V1.ParetoRoute { Route = ToRoute(route.Route) };
            member.CriteriaValues.Add(route.CriteriaValues.Select(Round));
            proto.Routes.Add(member);
        }

        return proto;
    }

    public static V1.MatrixCell ToCell(MatrixCell cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        var proto = new V1.MatrixCell
        {
            OriginId = cell.Origin.Value,
            DestinationId = cell.Destination.Value,
            SkippedReason = cell.Skipped ?? string.Empty,
        };
        if (cell.Answer is { } answer)
        {
            proto.Outcome = EnumMapping.ToProto(answer.Outcome);
            proto.Explanation = answer.Explanation;
            if (answer.Route is { } route)
            {
                proto.DistanceKm = Round(route.DistanceKm);
                proto.TransitDays = ToProto(route.TransitDays);
                proto.BorderCrossings = route.BorderCrossings;
                proto.CorridorIds.Add(route.CorridorsUsed.Select(c => c.Value));
                if (route.SanctionRisk is { } risk)
                {
                    proto.SanctionRisk = ToSanctionRisk(risk);
                }

                if (route.Emissions is { } emissions)
                {
                    proto.Co2EKg = Round(emissions.WtwKg);
                    proto.Co2ETtwKg = Round(emissions.TtwKg);
                }
            }
        }

        return proto;
    }

    public static V1.CorridorMetric ToMetric(CorridorComparison comparison)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        RouteAnswer answer = comparison.Answer;
        var proto = new V1.CorridorMetric
        {
            CorridorId = comparison.Corridor.Id.Value,
            CorridorName = comparison.Corridor.Name,
            Outcome = EnumMapping.ToProto(answer.Outcome),
            Explanation = answer.Explanation,
        };
        if (answer.Route is { } route)
        {
            proto.DistanceKm = Round(route.DistanceKm);
            proto.TransitDays = ToProto(route.TransitDays);
            proto.BorderCrossings = route.BorderCrossings;
            proto.GaugeBreaks = route.GaugeBreaks;
            if (route.SanctionRisk is { } risk)
            {
                proto.SanctionRisk = ToSanctionRisk(risk);
            }

            if (route.Emissions is { } emissions)
            {
                proto.Co2EKg = Round(emissions.WtwKg);
                proto.Co2ETtwKg = Round(emissions.TtwKg);
            }
        }

        return proto;
    }

    public static V1.Corridor ToCorridor(Corridor corridor, IReadOnlyList<Link> ownLinks)
    {
        ArgumentNullException.ThrowIfNull(corridor);
        ArgumentNullException.ThrowIfNull(ownLinks);
        var proto = new V1.Corridor
        {
            Id = corridor.Id.Value,
            Name = corridor.Name,
            Description = corridor.Description,
            LinkCount = ownLinks.Count,
            NetworkKm = Round(ownLinks.Sum(l => l.DistanceKm.Value)),
        };
        proto.ChinaPlaceIds.Add(corridor.ChinaPlaces.Select(p => p.Value));
        proto.EuropePlaceIds.Add(corridor.EuropePlaces.Select(p => p.Value));
        proto.SourceIds.Add(corridor.SourceIds);
        return proto;
    }

    public static V1.CorridorLink ToCorridorLink(Link link)
    {
        ArgumentNullException.ThrowIfNull(link);
        var proto = new V1.CorridorLink
        {
            Id = link.Id.Value,
            FromPlaceId = link.From.Value,
            ToPlaceId = link.To.Value,
            Mode = EnumMapping.ToProto(link.Mode),
            DistanceKm = Round(link.DistanceKm.Value),
            Status = EnumMapping.ToProto(link.Status),
            GaugeMm = link.GaugeMm ?? 0,
        };
        proto.Countries.Add(link.Countries);
        if (link.Opens is { } opens)
        {
            proto.OpensOn = ProtoDates.ToText(opens.Date);
        }

        return proto;
    }

    /// <summary>A measure's target as text, written once per measure (a measure is immutable; the text is composed).</summary>
    private static readonly ConditionalWeakTable<Measure, string> TargetTexts = new();

    private static V1.CountryKm ToCountryKm(CountryKm country) => new() { Code = country.CountryCode, Km = Round(country.DistanceKm) };

    private static V1.Infeasibility ToInfeasibility(Infeasibility reason) =>
        new() { Constraint = EnumMapping.ToProto(reason.Constraint), Value = reason.Value, Message = reason.Message };
}
