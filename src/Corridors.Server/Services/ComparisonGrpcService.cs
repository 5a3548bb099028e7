using Corridors.Contracts.V1;
using Corridors.Server.Errors;
using Corridors.Server.Networks;
using Corridors.Server.Scenarios;
using Corridors.Server.Security;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.RateLimiting;

namespace Corridors.Server.Services;

/// <summary>
/// corridors.v1.ComparisonService: resolve the scenario (NOT_FOUND when unknown), validate and map (in
/// <see cref="Application.Queries.CorridorQueries"/>), run the domain with the call's cancellation token (cancelled at
/// the deadline too), map back; bad input becomes a status in <see cref="RpcErrors"/>. "No route" is an outcome
/// inside the response.
/// </summary>
[BindServiceMethod(typeof(ComparisonBinding), nameof(ComparisonBinding.BindService))]
[Authorize(Policy = ApiKeyPolicies.Reader)]
public sealed class ComparisonGrpcService(LoadedNetwork network, ComparisonCache cache, ScenarioRegistry scenarios) : ComparisonService.ComparisonServiceBase
{
    public override Task<CompareCorridorsResponse> CompareCorridors(CompareCorridorsRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        RegisteredScenario? scenario = ScenarioErrors.Resolve(scenarios, request.ScenarioId);
        return Task.FromResult(cache.GetOrAdd(
            request,
            network.Queries.Router.Today,
            scenario?.Revision,
            () => RpcErrors.Unwrap(network.Queries.CompareCorridors(request, scenario?.Overlay, context.CancellationToken))));
    }

    [EnableRateLimiting(RateLimits.ExpensiveQueries)]
    public override Task<FindRoutesResponse> FindRoutes(FindRoutesRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        RegisteredScenario? scenario = ScenarioErrors.Resolve(scenarios, request.ScenarioId);
        return Task.FromResult(RpcErrors.Unwrap(network.Queries.FindRoutes(request, scenario?.Overlay, context.CancellationToken)));
    }

    [EnableRateLimiting(RateLimits.ExpensiveQueries)]
    public override Task<FindParetoRoutesResponse> FindParetoRoutes(FindParetoRoutesRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        RegisteredScenario? scenario = ScenarioErrors.Resolve(scenarios, request.ScenarioId);
        return Task.FromResult(RpcErrors.Unwrap(network.Queries.FindParetoRoutes(request, scenario?.Overlay, context.CancellationToken)));
    }

    [EnableRateLimiting(RateLimits.ExpensiveQueries)]
    public override Task<ComputeMatrixResponse> ComputeMatrix(ComputeMatrixRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        RegisteredScenario? scenario = ScenarioErrors.Resolve(scenarios, request.ScenarioId);
        return Task.FromResult(RpcErrors.Unwrap(network.Queries.ComputeMatrix(request, scenario?.Overlay, context.CancellationToken)));
    }
}
