using Corridors.Contracts.V1;
using Corridors.Server.Tests.Support;
using Grpc.Core;

namespace Corridors.Server.Tests.Services;

[Collection(SharedServer.Name)]
public sealed class ComparisonServiceTests(SharedServer server)
{
    private readonly ComparisonService.ComparisonServiceClient _client = new(server.Factory.CreateChannel());

    [Fact]
    public async Task CompareCorridors_XianDuisburg_GivesEveryCorridorWithConsistentFigures()
    {
        CompareCorridorsResponse response = await _client.CompareCorridorsAsync(
            new CompareCorridorsRequest { Origin = "Xi'an", Destination = "Duisburg" }, deadline: Bounded.Deadline()).Within();

        Assert.Equal("xian", response.Origin.Id);
        Assert.Equal("CN", response.Origin.Country);
        Assert.Equal("duisburg", response.Destination.Id);
        Assert.Equal("2026-11-29", response.AsOf); // today by the server's (fake) clock
        Assert.Equal(Objective.Fastest, response.Objective);
        Assert.Equal(["northern", "middle", "maritime", "maritime-cape", "cku"], response.Comparisons.Select(c => c.CorridorId));

        CorridorComparison northern = response.Comparisons[0];
        Assert.Equal(RouteOutcome.Found, northern.Outcome);
        Assert.InRange(northern.DistanceKm, 9_000, 11_500); // rail Xi'an–Duisburg is published at ~9,500–11,000 km
        Assert.InRange(northern.TransitDays.P50, 10, 20);   // block trains take 12–18 days
        Assert.True(northern.TransitDays.P10 <= northern.TransitDays.P50 && northern.TransitDays.P50 <= northern.TransitDays.P90);
        Assert.Equal("xian", northern.Legs[0].From.Id);
        Assert.Equal("duisburg", northern.Legs[^1].To.Id);
        Assert.Equal(northern.DistanceKm, northern.Legs.Sum(l => l.DistanceKm), 0.01);
        Assert.Equal(northern.DistanceKm, northern.Countries.Sum(c => c.Km), 0.05);
        Assert.Equal(northern.DistanceKm, northern.ModeKm.Rail + northern.ModeKm.Road + northern.ModeKm.Sea + northern.ModeKm.Ferry + northern.ModeKm.InlandWaterway, 0.01);
        Assert.Contains(northern.Countries, c => c.Code == "RU");
        Assert.True(northern.BorderCrossings >= 2);
        Assert.True(northern.GaugeBreaks >= 2); // 1435 → 1520 → 1435 mm
        Assert.StartsWith("{\"type\":\"LineString\",\"coordinates\":[[", northern.GeometryGeojson, StringComparison.Ordinal);

        CorridorComparison maritime = response.Comparisons.Single(c => c.CorridorId == "maritime");
        CorridorComparison cape = response.Comparisons.Single(c => c.CorridorId == "maritime-cape");
        Assert.Equal(RouteOutcome.Found, maritime.Outcome);
        Assert.True(cape.DistanceKm > maritime.DistanceKm);
        Assert.True(maritime.ModeKm.Sea > maritime.ModeKm.Rail);
        Assert.True(maritime.TransitDays.P50 > northern.TransitDays.P50);
    }

    [Fact]
    public async Task CompareCorridors_AvoidRussia_NorthernIsInfeasibleAndNoRouteEntersRussia()
    {
        var request = new CompareCorridorsRequest
        {
            Origin = "xian",
            Destination = "duisburg",
            Constraints = new RouteConstraints { AvoidCountries = { "ru" } },
        };

        CompareCorridorsResponse response = await _client.CompareCorridorsAsync(request, deadline: Bounded.Deadline()).Within();

        CorridorComparison northern = response.Comparisons.Single(c => c.CorridorId == "northern");
        Assert.Equal(RouteOutcome.Infeasible, northern.Outcome);
        Infeasibility reason = Assert.Single(northern.Reasons);
        Assert.Equal(ConstraintKind.AvoidCountry, reason.Constraint);
        Assert.Equal("RU", reason.Value);
        Assert.Empty(northern.Legs);
        Assert.Equal(0, northern.DistanceKm);
        Assert.Null(northern.TransitDays);
        Assert.All(response.Comparisons.Where(c => c.Outcome == RouteOutcome.Found),
            c => Assert.DoesNotContain(c.Countries, k => k.Code == "RU"));
        Assert.Contains(response.Comparisons, c => c.Outcome == RouteOutcome.Found);
    }

    [Fact]
    public async Task CompareCorridors_BeforeTheCkuRailway_IsNotYetOpenOrUsesTheRoad()
    {
        var request = new CompareCorridorsRequest
        {
            Origin = "kashgar",
            Destination = "tashkent",
            Constraints = new RouteConstraints { AvoidModes = { TransportMode.Road } },
        };

        CompareCorridorsResponse response = await _client.CompareCorridorsAsync(request, deadline: Bounded.Deadline()).Within();

        CorridorComparison cku = response.Comparisons.Single(c => c.CorridorId == "cku");
        // Without road the CKU corridor needs its railway (under construction): not open on 2026-11-29.
        Assert.Contains(cku.Outcome, new[] { RouteOutcome.NotYetOpen, RouteOutcome.Infeasible });
        Assert.NotEmpty(cku.Explanation);
    }

    [Fact]
    public async Task ReadMask_ReturnsOnlyTheFieldsNamed_AndAPathNamingNoFieldIsInvalidArgument()
    {
        var figures = new CompareCorridorsRequest { Origin = "xian", Destination = "duisburg", ReadMask = new Google.Protobuf.WellKnownTypes.FieldMask() };
        figures.ReadMask.Paths.Add(["comparisons.corridor_id", "comparisons.transit_days", "comparisons.sanction_risk.score"]);
        var wrong = new CompareCorridorsRequest { Origin = "xian", Destination = "duisburg", ReadMask = new Google.Protobuf.WellKnownTypes.FieldMask() };
        wrong.ReadMask.Paths.Add(["comparisons.legs.distance", "origin.*.id"]);

        CompareCorridorsResponse full = await _client.CompareCorridorsAsync(new CompareCorridorsRequest { Origin = "xian", Destination = "duisburg" }, deadline: Bounded.Deadline());
        CompareCorridorsResponse masked = await _client.CompareCorridorsAsync(figures, deadline: Bounded.Deadline());
        RichError error = await _client.CompareCorridorsAsync(wrong, deadline: Bounded.Deadline()).Fails(StatusCode.InvalidArgument);

        Assert.Equal(full.Comparisons.Select(c => c.CorridorId), masked.Comparisons.Select(c => c.CorridorId));
        Assert.Equal(full.Comparisons.Select(c => c.TransitDays), masked.Comparisons.Select(c => c.TransitDays));
        Assert.Equal(full.Comparisons.Select(c => c.SanctionRisk?.Score), masked.Comparisons.Select(c => c.SanctionRisk?.Score));
        Assert.All(masked.Comparisons, c => Assert.Empty(c.Legs));
        Assert.Null(masked.Origin);
        Assert.Equal(string.Empty, masked.AsOf);
        Assert.True(masked.CalculateSize() * 20 < full.CalculateSize(), $"{masked.CalculateSize()} of {full.CalculateSize()} bytes");
        Assert.Equal(["read_mask", "read_mask"], error.Fields);
        Assert.Equal(
            ["\"comparisons.legs.distance\" names no field: RouteLeg has no field distance", "\"origin.*.id\" puts * after origin, which is not a repeated field"],
            error.BadRequest.FieldViolations.Select(v => v.Description));
    }

    [Fact]
    public async Task CompareCorridors_EveryBadField_IsInvalidArgumentNamingEachField()
    {
        var request = new CompareCorridorsRequest
        {
            Origin = "xian",
            Destination = "duisburg",
            Objective = Objective.Unspecified,
            Constraints = new RouteConstraints
            {
                CorridorId = "northern",
                AvoidCountries = { "RUS" },
                AvoidModes = { TransportMode.Unspecified },
                AsOf = "2026-02-30",
                MaxBorderCrossings = -1,
            },
        };

        RichError error = await _client.CompareCorridorsAsync(request, deadline: Bounded.Deadline()).Fails(StatusCode.InvalidArgument);

        Assert.Equal(
            ["objective", "constraints.corridor_id", "constraints.avoid_countries[0]", "constraints.avoid_modes[0]",
             "constraints.max_border_crossings", "constraints.as_of"],
            error.Fields);
        Assert.Contains("OBJECTIVE_UNSPECIFIED", error.DescriptionOf("objective"), StringComparison.Ordinal);
        Assert.Contains("'2026-02-30' is not a date in YYYY-MM-DD form", error.DescriptionOf("constraints.as_of"), StringComparison.Ordinal);
        Assert.Equal("INVALID_FIELD", error.ErrorInfo.Reason);
        Assert.Equal("corridors.v1", error.ErrorInfo.Domain);
    }

    [Fact]
    public async Task CompareCorridors_MissingPlaces_IsInvalidArgument()
    {
        RichError error = await _client.CompareCorridorsAsync(new CompareCorridorsRequest(), deadline: Bounded.Deadline())
            .Fails(StatusCode.InvalidArgument);

        Assert.Equal(["origin", "destination"], error.Fields);
        Assert.Equal("is required", error.DescriptionOf("origin"));
    }

    [Fact]
    public async Task CompareCorridors_SamePlace_IsInvalidArgumentOnDestination()
    {
        RichError error = await _client.CompareCorridorsAsync(
            new CompareCorridorsRequest { Origin = "xian", Destination = "Xian" }, deadline: Bounded.Deadline()).Fails(StatusCode.InvalidArgument);

        Assert.Equal(["destination"], error.Fields);
        Assert.Contains("same place", error.DescriptionOf("destination"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CompareCorridors_UnknownPlace_IsNotFoundWithSuggestions()
    {
        RichError error = await _client.CompareCorridorsAsync(
            new CompareCorridorsRequest { Origin = "xian", Destination = "Dusiburg" }, deadline: Bounded.Deadline()).Fails(StatusCode.NotFound);

        Assert.Equal(["destination"], error.Fields);
        Assert.Equal("PLACE_NOT_FOUND", error.ErrorInfo.Reason);
        Assert.Equal("duisburg", error.ErrorInfo.Metadata["destination"]);
        Assert.Contains("did you mean duisburg", error.DescriptionOf("destination"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CompareCorridors_EuShipper_AssessesSanctionRiskAndCo2eOfEveryRoute()
    {
        var request = new CompareCorridorsRequest
        {
            Origin = "xian",
            Destination = "duisburg",
            Constraints = new RouteConstraints { Perspective = new Perspective { Regimes = { "EU" }, CargoClass = "general" } },
        };

        CompareCorridorsResponse response = await _client.CompareCorridorsAsync(request, deadline: Bounded.Deadline()).Within();

        foreach (CorridorComparison found in response.Comparisons.Where(c => c.Legs.Count > 0))
        {
            Assert.Equal("EU general 2026-11-29", found.SanctionRisk.Perspective);
            Assert.InRange(found.SanctionRisk.Score, 0, 100);
            Assert.NotEqual(RiskLevel.Unspecified, found.SanctionRisk.Level);
            Assert.True(found.HasCo2EKg, found.CorridorId);
            Assert.True(found.Co2EKg > 0, found.CorridorId);
            // co2e_kg is well-to-wheel: the legs plus the hubs, with tank-to-wheel and the factors beside it.
            Assert.Equal(found.Co2EKg, found.Legs.Sum(l => l.Co2EKg) + found.Co2E.HubWtwKg, 0.05);
            Assert.Equal(found.Co2EKg, found.Co2E.WtwKg);
            Assert.InRange(found.Co2E.TtwKg, 0, found.Co2E.WtwKg);
            Assert.All(found.Legs, l => Assert.Equal(l.Co2EKg, l.Co2E.WtwKg));
            Assert.NotEmpty(found.Co2E.Factors);
            Assert.All(found.Co2E.Factors, f => Assert.NotEmpty(f.SourceIds));
        }

        CorridorComparison northern = response.Comparisons.Single(c => c.CorridorId == "northern");
        CorridorComparison maritime = response.Comparisons.Single(c => c.CorridorId == "maritime");
        Assert.True(northern.SanctionRisk.Score > maritime.SanctionRisk.Score, "the northern route crosses Russia and Belarus");
        Assert.Contains(northern.SanctionRisk.Exposures, e => e.Target == "country RU" && e.DistanceKm > 0);
    }

    [Fact]
    public async Task FindRoutes_LowestRiskAndLowestCo2e_AreServed()
    {
        FindRoutesResponse risk = await _client.FindRoutesAsync(
            new FindRoutesRequest { Origin = "xian", Destination = "duisburg", Objective = Objective.LowestRisk }, deadline: Bounded.Deadline()).Within();
        FindRoutesResponse fastest = await _client.FindRoutesAsync(
            new FindRoutesRequest { Origin = "xian", Destination = "duisburg" }, deadline: Bounded.Deadline()).Within();
        FindRoutesResponse co2e = await _client.FindRoutesAsync(
            new FindRoutesRequest { Origin = "xian", Destination = "duisburg", Objective = Objective.LowestCo2E }, deadline: Bounded.Deadline()).Within();

        Assert.Equal(Objective.LowestRisk, risk.Objective);
        Assert.True(risk.Routes[0].SanctionRisk.Score <= fastest.Routes[0].SanctionRisk.Score);
        Assert.True(co2e.Routes[0].Co2EKg <= fastest.Routes[0].Co2EKg);
    }

    [Fact]
    public async Task CompareCorridors_BadPerspectivePayloadAndRiskCap_AreInvalidArgumentNamingEachField()
    {
        var request = new CompareCorridorsRequest
        {
            Origin = "xian",
            Destination = "duisburg",
            Constraints = new RouteConstraints
            {
                Perspective = new Perspective { Regimes = { "XX" }, CargoClass = "plutonium", HsCode = "88x" },
                PayloadTonnes = 0,
                MaxRiskScore = 101,
            },
        };

        RichError error = await _client.CompareCorridorsAsync(request, deadline: Bounded.Deadline()).Fails(StatusCode.InvalidArgument);

        Assert.Equal(
            ["constraints.perspective.regimes", "constraints.perspective.cargo_class", "constraints.perspective.hs_code", "constraints.max_risk_score", "constraints.payload_tonnes"],
            error.Fields);
        Assert.Equal("'88x' is not an HS code: give 2 to 10 digits (dots and spaces allowed), e.g. 8471.30", error.DescriptionOf("constraints.perspective.hs_code"));
        Assert.Contains("unknown regime 'XX'", error.DescriptionOf("constraints.perspective.regimes"), StringComparison.Ordinal);
        Assert.Contains("unknown cargo class 'plutonium'", error.DescriptionOf("constraints.perspective.cargo_class"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CompareCorridors_AsOfOutsideTheSanctionsData_IsInvalidArgumentOnAsOf()
    {
        RichError error = await _client.CompareCorridorsAsync(
            new CompareCorridorsRequest { Origin = "xian", Destination = "duisburg", Constraints = new RouteConstraints { AsOf = "1990-01-01" } },
            deadline: Bounded.Deadline()).Fails(StatusCode.InvalidArgument);

        Assert.Equal(["constraints.as_of"], error.Fields);
    }

    [Fact]
    public async Task CompareCorridors_OversizedMessage_IsResourceExhausted()
    {
        var request = new CompareCorridorsRequest { Origin = new string('x', 2 * 1024 * 1024), Destination = "duisburg" };

        RpcException exception = await Assert.ThrowsAsync<RpcException>(
            () => _client.CompareCorridorsAsync(request, deadline: Bounded.Deadline()).ResponseAsync).Within();

        Assert.Equal(StatusCode.ResourceExhausted, exception.StatusCode);
    }

    [Fact]
    public async Task CompareCorridors_LongName_IsInvalidArgumentNotALookup()
    {
        RichError error = await _client.CompareCorridorsAsync(
            new CompareCorridorsRequest { Origin = new string('x', 5_000), Destination = "duisburg" }, deadline: Bounded.Deadline())
            .Fails(StatusCode.InvalidArgument);

        Assert.Equal("is 5000 characters long; at most 200 are accepted", error.DescriptionOf("origin"));
    }

    [Fact]
    public async Task FindRoutes_XianDuisburg_BestFirstThenAlternativesNoFaster()
    {
        FindRoutesResponse response = await _client.FindRoutesAsync(
            new FindRoutesRequest { Origin = "xian", Destination = "duisburg", Alternatives = 2 }, deadline: Bounded.Deadline()).Within();

        Assert.Equal(RouteOutcome.Found, response.Answer.Outcome);
        Assert.InRange(response.Routes.Count, 2, 3);
        for (int i = 1; i < response.Routes.Count; i++)
        {
            Assert.True(response.Routes[i].TransitDays.P50 >= response.Routes[i - 1].TransitDays.P50 - 1e-3);
        }

        Assert.All(response.Routes, r => Assert.Equal("xian", r.Legs[0].From.Id));
        Assert.NotEmpty(response.Routes[0].CorridorIds);
    }

    [Fact]
    public async Task FindRoutes_ShortestDistanceInOneCorridor_StaysInThatCorridor()
    {
        FindRoutesResponse response = await _client.FindRoutesAsync(
            new FindRoutesRequest
            {
                Origin = "shanghai",
                Destination = "rotterdam",
                Objective = Objective.ShortestDistance,
                Constraints = new RouteConstraints { CorridorId = "maritime-cape" },
            }, deadline: Bounded.Deadline()).Within();

        Route route = Assert.Single(response.Routes);
        Assert.Equal(Objective.ShortestDistance, response.Objective);
        Assert.Contains("maritime-cape", route.CorridorIds);
        Assert.Contains(route.Legs, l => l.To.Id == "cape-of-good-hope");
        Assert.DoesNotContain(route.Legs, l => l.To.Id == "suez");
    }

    [Fact]
    public async Task FindRoutes_OutOfRangeNumbers_AreInvalidArgument()
    {
        RichError error = await _client.FindRoutesAsync(
            new FindRoutesRequest { Origin = "xian", Destination = "duisburg", Alternatives = 11, MaxOverlap = 0 },
            deadline: Bounded.Deadline()).Fails(StatusCode.InvalidArgument);

        Assert.Equal(["alternatives", "max_overlap"], error.Fields);
        Assert.Equal("must be between 0 and 10, got 11", error.DescriptionOf("alternatives"));
    }

    [Fact]
    public async Task FindRoutes_UnknownCorridor_IsNotFoundListingTheCorridors()
    {
        RichError error = await _client.FindRoutesAsync(
            new FindRoutesRequest { Origin = "xian", Destination = "duisburg", Constraints = new RouteConstraints { CorridorId = "arctic" } },
            deadline: Bounded.Deadline()).Fails(StatusCode.NotFound);

        Assert.Equal(["constraints.corridor_id"], error.Fields);
        Assert.Equal("CORRIDOR_NOT_FOUND", error.ErrorInfo.Reason);
        Assert.Equal("northern,middle,maritime,maritime-cape,cku", error.ErrorInfo.Metadata["constraints.corridor_id"]);
    }

    [Fact]
    public async Task FindParetoRoutes_DefaultCriteria_GivesMutuallyNonDominatedRoutes()
    {
        FindParetoRoutesResponse response = await _client.FindParetoRoutesAsync(
            new FindParetoRoutesRequest { Origin = "xian", Destination = "rotterdam" }, deadline: Bounded.Deadline()).Within();

        Assert.Equal([Objective.Fastest, Objective.ShortestDistance], response.Criteria);
        Assert.NotEmpty(response.Routes);
        foreach (ParetoRoute a in response.Routes)
        {
            Assert.Equal(2, a.CriteriaValues.Count);
            Assert.Equal(a.Route.DistanceKm, a.CriteriaValues[1], 0.01);
            Assert.DoesNotContain(response.Routes, b => !ReferenceEquals(a, b)
                && b.CriteriaValues[0] <= a.CriteriaValues[0] && b.CriteriaValues[1] <= a.CriteriaValues[1]
                && (b.CriteriaValues[0] < a.CriteriaValues[0] || b.CriteriaValues[1] < a.CriteriaValues[1]));
        }

        // Sorted by the first criterion (expected hours).
        Assert.Equal(response.Routes.Select(r => r.CriteriaValues[0]).Order(), response.Routes.Select(r => r.CriteriaValues[0]));
    }

    [Fact]
    public async Task FindParetoRoutes_OneCriterion_IsInvalidArgument()
    {
        RichError error = await _client.FindParetoRoutesAsync(
            new FindParetoRoutesRequest { Origin = "xian", Destination = "rotterdam", Criteria = { Objective.Fastest } },
            deadline: Bounded.Deadline()).Fails(StatusCode.InvalidArgument);

        Assert.Equal(["criteria"], error.Fields);
        Assert.Contains("at least two distinct criteria", error.DescriptionOf("criteria"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ComputeMatrix_TwoByTwo_IsOriginMajorAndSkipsTheSamePlace()
    {
        ComputeMatrixResponse response = await _client.ComputeMatrixAsync(
            new ComputeMatrixRequest { Origins = { "xian", "duisburg" }, Destinations = { "duisburg", "rotterdam" } },
            deadline: Bounded.Deadline()).Within();

        Assert.Equal(["xian>duisburg", "xian>rotterdam", "duisburg>duisburg", "duisburg>rotterdam"],
            response.Cells.Select(c => c.OriginId + ">" + c.DestinationId));
        Assert.Equal(RouteOutcome.Found, response.Cells[0].Outcome);
        Assert.InRange(response.Cells[0].DistanceKm, 9_000, 11_500);
        Assert.Equal(RouteOutcome.Unspecified, response.Cells[2].Outcome);
        Assert.Equal("origin and destination are the same place", response.Cells[2].SkippedReason);
    }

    [Fact]
    public async Task ComputeMatrix_TenThousandSquared_IsRefusedNotAttempted()
    {
        var request = new ComputeMatrixRequest();
        request.Origins.Add(Enumerable.Repeat("xian", 10_000));
        request.Destinations.Add(Enumerable.Repeat("duisburg", 10_000));

        RichError error = await _client.ComputeMatrixAsync(request, deadline: Bounded.Deadline()).Fails(StatusCode.InvalidArgument);

        Assert.Equal(["origins"], error.Fields);
        Assert.Equal("10000 origins × 10000 destinations = 100000000 cells exceeds the maximum of 2500", error.DescriptionOf("origins"));
    }

    [Fact]
    public async Task ComputeMatrix_Empty_IsInvalidArgumentOnBothSides()
    {
        RichError error = await _client.ComputeMatrixAsync(new ComputeMatrixRequest(), deadline: Bounded.Deadline()).Fails(StatusCode.InvalidArgument);

        Assert.Equal(["origins", "destinations"], error.Fields);
    }

    [Fact]
    public async Task ComputeMatrix_CancelledByTheClient_IsCancelled()
    {
        var request = new ComputeMatrixRequest { Origins = { "xian", "chongqing", "shanghai" }, Destinations = { "duisburg", "rotterdam" } };
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();

        RpcException exception = await Assert.ThrowsAsync<RpcException>(
            () => _client.ComputeMatrixAsync(request, cancellationToken: cancellation.Token).ResponseAsync).Within();

        Assert.Equal(StatusCode.Cancelled, exception.StatusCode);
    }
}
