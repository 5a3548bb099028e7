using Corridors.Application.Mapping;
using Corridors.Domain.Network;
using Corridors.Domain.Places;
using Corridors.Domain.Routing;
using Corridors.Domain.Scenarios;
using V1 = Corridors.Contracts.V1;

namespace Corridors.Application.Queries;

/// <summary>
/// The API's queries over one loaded network: read the proto request (collecting every bad field), call the domain,
/// write the proto response. The gRPC services and the in-process CLI both go through here, so both give the same
/// answers and the same errors. Immutable and safe to share between threads.
/// </summary>
public sealed class CorridorQueries
{
    private readonly RequestReader _reader;

    public CorridorQueries(CorridorRouter router, PlaceResolver resolver, QueryLimits limits, string networkVersion)
    {
        ArgumentNullException.ThrowIfNull(router);
        ArgumentNullException.ThrowIfNull(resolver);
        ArgumentNullException.ThrowIfNull(limits);
        ArgumentNullException.ThrowIfNull(networkVersion);
        Router = router;
        Resolver = resolver;
        Limits = limits;
        NetworkVersion = networkVersion;
        _reader = new RequestReader(router.Dataset, resolver, limits);
    }

    public CorridorRouter Router { get; }

    public PlaceResolver Resolver { get; }

    public QueryLimits Limits { get; }

    /// <summary>Identifies the loaded network's content (changes when any network file changes).</summary>
    public string NetworkVersion { get; }

    public CorridorNetwork Network => Router.Network;

    public RequestReader Reader => _reader;

    // ---- comparison ------------------------------------------------------------------------------------------

    /// <summary>
    /// Compares the corridors under <paramref name="scenario"/> (null: the baseline), which the caller resolved from
    /// the request's <c>scenario_id</c>. With <c>include_baseline</c> the baseline's comparisons and the deltas are
    /// added; that needs a scenario.
    /// </summary>
    public ContractResult<V1.CompareCorridorsResponse> CompareCorridors(
        V1.CompareCorridorsRequest request, ScenarioOverlay? scenario = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new List<ContractError>();
        Place? origin = _reader.Place("origin", request.Origin, errors);
        Place? destination = _reader.Place("destination", request.Destination, errors);
        Objective? objective = RequestReader.Objective("objective", request.HasObjective, request.Objective, errors);
        QueryOptions? options = _reader.Options(request.Constraints, allowCorridor: false, Router.Today, errors);
        if (request.IncludeBaseline && scenario is null)
        {
            errors.Add(ContractError.Invalid("include_baseline", "a side-by-side comparison with the baseline needs a scenario_id"));
        }

        ResponseMask mask = ResponseMask.Read<V1.CompareCorridorsResponse>(request.ReadMask, "read_mask", errors);

        if (errors.Count > 0)
        {
            return ContractResult<V1.CompareCorridorsResponse>.Failure(errors);
        }

        RouteQuery query = options!.Query(origin!.Id, destination!.Id, objective!.Value) with { Scenario = scenario };
        if (request.IncludeBaseline)
        {
            QueryResult<ScenarioComparisonSet> sideBySide = Router.CompareWithBaseline(query, cancellationToken);
            return sideBySide.IsSuccess
                ? ContractResult<V1.CompareCorridorsResponse>.Success(mask.Apply(ResponseWriter.ToResponse(sideBySide.Value!, scenario!, Router.Freshness, mask)))
                : ContractResult<V1.CompareCorridorsResponse>.Failure(RequestReader.FromDomain(sideBySide.Errors));
        }

        QueryResult<CorridorComparisonSet> result = Router.Compare(query, cancellationToken);
        return result.IsSuccess
            ? ContractResult<V1.CompareCorridorsResponse>.Success(mask.Apply(ResponseWriter.ToResponse(result.Value!, scenario, Router.Freshness, mask)))
            : ContractResult<V1.CompareCorridorsResponse>.Failure(RequestReader.FromDomain(result.Errors));
    }

    /// <summary>The best route and alternatives under <paramref name="scenario"/> (null: the baseline).</summary>
    public ContractResult<V1.FindRoutesResponse> FindRoutes(
        V1.FindRoutesRequest request, ScenarioOverlay? scenario = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new List<ContractError>();
        Place? origin = _reader.Place("origin", request.Origin, errors);
        Place? destination = _reader.Place("destination", request.Destination, errors);
        Objective? objective = RequestReader.Objective("objective", request.HasObjective, request.Objective, errors);
        QueryOptions? options = _reader.Options(request.Constraints, allowCorridor: true, Router.Today, errors);
        if (request.Alternatives is < 0 or > CorridorRouter.MaxAlternatives)
        {
            errors.Add(ContractError.Invalid("alternatives", $"must be between 0 and {CorridorRouter.MaxAlternatives}, got {request.Alternatives}"));
        }

        double maxOverlap = request.HasMaxOverlap ? request.MaxOverlap : CorridorRouter.DefaultMaxOverlap;
        if (!(maxOverlap is > 0 and <= 1))
        {
            errors.Add(ContractError.Invalid("max_overlap", $"must be above 0 and at most 1, got {maxOverlap}"));
        }

        if (errors.Count > 0)
        {
            return ContractResult<V1.FindRoutesResponse>.Failure(errors);
        }

        RouteQuery query = options!.Query(origin!.Id, destination!.Id, objective!.Value) with { Scenario = scenario };
        QueryResult<RouteSet> result = Router.FindRoutes(query, request.Alternatives, maxOverlap, cancellationToken);
        return result.IsSuccess
            ? ContractResult<V1.FindRoutesResponse>.Success(
                ResponseWriter.ToResponse(result.Value!, origin!, destination!, options!.AsOf, objective.Value, Router.Freshness))
            : ContractResult<V1.FindRoutesResponse>.Failure(RequestReader.FromDomain(result.Errors));
    }

    /// <summary>The Pareto front under <paramref name="scenario"/> (null: the baseline).</summary>
    public ContractResult<V1.FindParetoRoutesResponse> FindParetoRoutes(
        V1.FindParetoRoutesRequest request, ScenarioOverlay? scenario = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new List<ContractError>();
        Place? origin = _reader.Place("origin", request.Origin, errors);
        Place? destination = _reader.Place("destination", request.Destination, errors);
        QueryOptions? options = _reader.Options(request.Constraints, allowCorridor: true, Router.Today, errors);
        List<Objective>? criteria = null;
        if (request.Criteria.Count > 0 && _reader.ListSize("criteria", request.Criteria.Count, errors))
        {
            criteria = [];
            for (int i = 0; i < request.Criteria.Count; i++)
            {
                if (RequestReader.Objective($"criteria[{i}]", isSet: true, request.Criteria[i], errors) is { } criterion)
                {
                    criteria.Add(criterion);
                }
            }
        }

        if (errors.Count > 0)
        {
            return ContractResult<V1.FindParetoRoutesResponse>.Failure(errors);
        }

        RouteQuery query = options!.Query(origin!.Id, destination!.Id, criteria?[0] ?? Objective.Fastest) with { Scenario = scenario };
        QueryResult<ParetoFront> result = Router.FindPareto(query, criteria, cancellationToken);
        return result.IsSuccess
            ? ContractResult<V1.FindParetoRoutesResponse>.Success(
                ResponseWriter.ToResponse(result.Value!, origin!, destination!, options!.AsOf, Router.Freshness))
            : ContractResult<V1.FindParetoRoutesResponse>.Failure(RequestReader.FromDomain(result.Errors));
    }

    /// <summary>
    /// Refuses more than <see cref="QueryLimits.MaxMatrixCells"/> cells before resolving a single place, so a
    /// 10,000 × 10,000 request costs nothing.
    /// </summary>
    public ContractResult<V1.ComputeMatrixResponse> ComputeMatrix(
        V1.ComputeMatrixRequest request, ScenarioOverlay? scenario = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new List<ContractError>();
        long cells = (long)request.Origins.Count * request.Destinations.Count;
        if (request.Origins.Count == 0)
        {
            errors.Add(ContractError.Invalid("origins", "at least one origin is required"));
        }

        if (request.Destinations.Count == 0)
        {
            errors.Add(ContractError.Invalid("destinations", "at least one destination is required"));
        }

        if (cells > Limits.MaxMatrixCells)
        {
            errors.Add(ContractError.Invalid("origins",
                $"{request.Origins.Count} origins × {request.Destinations.Count} destinations = {cells} cells exceeds the maximum of {Limits.MaxMatrixCells}"));
        }

        if (errors.Count > 0)
        {
            return ContractResult<V1.ComputeMatrixResponse>.Failure(errors);
        }

        var origins = new List<Place>(request.Origins.Count);
        for (int i = 0; i < request.Origins.Count; i++)
        {
            if (_reader.Place($"origins[{i}]", request.Origins[i], errors) is { } place)
            {
                origins.Add(place);
            }
        }

        var destinations = new List<Place>(request.Destinations.Count);
        for (int i = 0; i < request.Destinations.Count; i++)
        {
            if (_reader.Place($"destinations[{i}]", request.Destinations[i], errors) is { } place)
            {
                destinations.Add(place);
            }
        }

        Objective? objective = RequestReader.Objective("objective", request.HasObjective, request.Objective, errors);
        QueryOptions? options = _reader.Options(request.Constraints, allowCorridor: true, Router.Today, errors);
        if (errors.Count > 0)
        {
            return ContractResult<V1.ComputeMatrixResponse>.Failure(errors);
        }

        RouteQuery template = options!.Query(origins[0].Id, destinations[0].Id, objective!.Value) with { Scenario = scenario };
        QueryResult<IReadOnlyList<MatrixCell>> result = Router.ComputeMatrix(
            [.. origins.Select(p => p.Id)], [.. destinations.Select(p => p.Id)], template, cancellationToken);
        if (!result.IsSuccess)
        {
            return ContractResult<V1.ComputeMatrixResponse>.Failure(RequestReader.FromDomain(result.Errors));
        }

        var response = new V1.ComputeMatrixResponse { AsOf = ProtoDates.ToText(options.AsOf), DataFreshness = ResponseWriter.ToProto(Router.Freshness) };
        response.Origins.Add(origins.Select(ResponseWriter.ToSummary));
        response.Destinations.Add(destinations.Select(ResponseWriter.ToSummary));
        response.Cells.Add(result.Value!.Select(ResponseWriter.ToCell));
        return ContractResult<V1.ComputeMatrixResponse>.Success(response);
    }

    // ---- catalog ---------------------------------------------------------------------------------------------

    public V1.ListCorridorsResponse ListCorridors()
    {
        var response = new V1.ListCorridorsResponse { NetworkVersion = NetworkVersion };
        response.Corridors.Add(Network.Corridors.Select(c => ResponseWriter.ToCorridor(c, OwnLinks(c))));
        return response;
    }

    public V1.ListSourcesResponse ListSources()
    {
        var response = new V1.ListSourcesResponse { NetworkVersion = NetworkVersion };
        response.Sources.Add(Network.Sources
            .OrderBy(s => s.Id, StringComparer.Ordinal)
            .Select(s => new V1.Source { Id = s.Id, Title = s.Title, Url = s.Url, Date = s.Date, Notes = s.Notes }));
        return response;
    }

    public ContractResult<V1.GetCorridorResponse> GetCorridor(V1.GetCorridorRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new List<ContractError>();
        if (_reader.Corridor("corridor_id", request.CorridorId, errors) is not { } corridor)
        {
            return ContractResult<V1.GetCorridorResponse>.Failure(errors);
        }

        List<Link> links = OwnLinks(corridor);
        var response = new V1.GetCorridorResponse
        {
            Corridor = ResponseWriter.ToCorridor(corridor, links),
            GeometryGeojson = GeoJsonText.LinkCollection(links),
            NetworkVersion = NetworkVersion,
        };
        response.Links.Add(links.Select(ResponseWriter.ToCorridorLink));
        return ContractResult<V1.GetCorridorResponse>.Success(response);
    }

    public ContractResult<V1.ListPlacesResponse> ListPlaces(V1.ListPlacesRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new List<ContractError>();
        string country = request.Country.Trim().ToUpperInvariant();
        if (country.Length > 0 && (country.Length != 2 || !country.All(char.IsAsciiLetterUpper)))
        {
            errors.Add(ContractError.Invalid("country", $"'{request.Country}' is not an ISO 3166-1 alpha-2 code (two letters)"));
        }

        PlaceKind? kind = null;
        if (request.Kind != V1.PlaceKind.Unspecified)
        {
            kind = EnumMapping.ToDomain(request.Kind);
            if (kind is null)
            {
                errors.Add(ContractError.Invalid("kind", $"unknown place kind {(int)request.Kind}"));
            }
        }

        if (errors.Count > 0)
        {
            return ContractResult<V1.ListPlacesResponse>.Failure(errors);
        }

        var response = new V1.ListPlacesResponse();
        response.Places.Add(Network.Places
            .Where(p => (country.Length == 0 || p.CountryCode == country) && (kind is null || p.Kind == kind))
            .Select(ResponseWriter.ToPlace));
        return ContractResult<V1.ListPlacesResponse>.Success(response);
    }

    public ContractResult<V1.ResolvePlaceResponse> ResolvePlace(V1.ResolvePlaceRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new List<ContractError>();
        switch (request.QueryCase)
        {
            case V1.ResolvePlaceRequest.QueryOneofCase.Text:
                if (!_reader.Text("text", request.Text, errors))
                {
                    break;
                }

                switch (Resolver.Resolve(request.Text))
                {
                    case PlaceResolution.Resolved resolved:
                        return ContractResult<V1.ResolvePlaceResponse>.Success(
                            new V1.ResolvePlaceResponse { Match = V1.PlaceMatch.Resolved, Place = ResponseWriter.ToPlace(resolved.Place) });
                    case PlaceResolution.Ambiguous ambiguous:
                        var response = new V1.ResolvePlaceResponse { Match = V1.PlaceMatch.Ambiguous };
                        response.Candidates.Add(ambiguous.Candidates.Select(ResponseWriter.ToPlace));
                        return ContractResult<V1.ResolvePlaceResponse>.Success(response);
                    default:
                        _reader.Place("text", request.Text, errors); // adds the NOT_FOUND error with suggestions
                        break;
                }

                break;

            case V1.ResolvePlaceRequest.QueryOneofCase.Location:
                double radiusKm = request.HasMaxDistanceKm ? request.MaxDistanceKm : Limits.MaxSnapDistanceKm;
                if (!(radiusKm is > 0 and <= QueryLimits.MaxGreatCircleKm))
                {
                    errors.Add(ContractError.Invalid("max_distance_km", $"must be above 0 and at most {QueryLimits.MaxGreatCircleKm} km, got {radiusKm}"));
                    break;
                }

                V1.LatLng location = request.Location;
                switch (Resolver.Nearest(location.LatitudeDeg, location.LongitudeDeg, radiusKm))
                {
                    case NearestPlaceResult.Found found:
                        return ContractResult<V1.ResolvePlaceResponse>.Success(new V1.ResolvePlaceResponse
                        {
                            Match = V1.PlaceMatch.Nearest,
                            Place = ResponseWriter.ToPlace(found.Place),
                            DistanceKm = ResponseWriter.Round(found.DistanceKm),
                        });
                    case NearestPlaceResult.NoneWithinRadius none:
                        errors.Add(new ContractError(ContractErrorKind.NotFound, "location",
                            $"no place lies within {none.MaxRadiusKm} km of ({location.LatitudeDeg}, {location.LongitudeDeg})",
                            ContractError.PlaceNotFoundReason, []));
                        break;
                    case NearestPlaceResult.InvalidQuery invalid:
                        errors.Add(ContractError.Invalid("location", invalid.Reason));
                        break;
                }

                break;

            default:
                errors.Add(ContractError.Invalid("query", "set either text or location"));
                break;
        }

        return ContractResult<V1.ResolvePlaceResponse>.Failure(errors);
    }

    // ---- metrics ---------------------------------------------------------------------------------------------

    /// <summary>Resolves metrics pairs (at most <see cref="QueryLimits.MaxMetricsPairs"/>); field paths are <c>pairs[i].origin</c>.</summary>
    public ContractResult<IReadOnlyList<(Place Origin, Place Destination)>> ResolvePairs(IReadOnlyList<V1.OdPair> pairs)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        var errors = new List<ContractError>();
        if (pairs.Count > Limits.MaxMetricsPairs)
        {
            errors.Add(ContractError.Invalid("pairs", $"has {pairs.Count} entries; at most {Limits.MaxMetricsPairs} are accepted"));
            return ContractResult<IReadOnlyList<(Place, Place)>>.Failure(errors);
        }

        var resolved = new List<(Place, Place)>(pairs.Count);
        for (int i = 0; i < pairs.Count; i++)
        {
            Place? origin = _reader.Place($"pairs[{i}].origin", pairs[i].Origin, errors);
            Place? destination = _reader.Place($"pairs[{i}].destination", pairs[i].Destination, errors);
            if (origin is not null && destination is not null)
            {
                if (origin.Id == destination.Id)
                {
                    errors.Add(ContractError.Invalid($"pairs[{i}].destination", $"origin and destination are the same place '{origin.Id}'"));
                }

                resolved.Add((origin, destination));
            }
        }

        return errors.Count > 0
            ? ContractResult<IReadOnlyList<(Place, Place)>>.Failure(errors)
            : ContractResult<IReadOnlyList<(Place, Place)>>.Success(resolved);
    }

    /// <summary>Every corridor's fastest route between two resolved places on a date under <paramref name="scenario"/> (null: the baseline), as metrics.</summary>
    public V1.PairMetrics PairMetrics(Place origin, Place destination, DateOnly asOf, ScenarioOverlay? scenario = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(origin);
        ArgumentNullException.ThrowIfNull(destination);
        var query = new RouteQuery
        {
            Origin = origin.Id,
            Destination = destination.Id,
            Constraints = new RouteConstraints { AsOf = asOf },
            Scenario = scenario,
        };
        QueryResult<CorridorComparisonSet> result = Router.Compare(query, cancellationToken);
        if (!result.IsSuccess)
        {
            throw new InvalidOperationException($"A resolved metrics pair was rejected by the router: {string.Join("; ", result.Errors)}");
        }

        var metrics = new V1.PairMetrics { Origin = ResponseWriter.ToSummary(origin), Destination = ResponseWriter.ToSummary(destination) };
        metrics.Corridors.Add(result.Value!.Comparisons.Select(ResponseWriter.ToMetric));
        return metrics;
    }

    private List<Link> OwnLinks(Corridor corridor) => [.. Network.Links.Where(l => l.BelongsTo(corridor.Id))];
}
