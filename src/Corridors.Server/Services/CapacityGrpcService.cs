using Corridors.Application.Queries;
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
/// corridors.v1.CapacityService: resolve the scenario (NOT_FOUND when unknown), validate and map (in
/// <see cref="CapacityQueries"/>), run the assignment with the call's cancellation token, map back. Volume no route can
/// take is an answer (unserved) inside the response.
/// </summary>
[Authorize(Policy = ApiKeyPolicies.Reader)]
public sealed class CapacityGrpcService(LoadedNetwork network, ScenarioRegistry scenarios) : CapacityService.CapacityServiceBase
{
    [EnableRateLimiting(RateLimits.ExpensiveQueries)]
    public override Task<AnalyzeCapacityResponse> AnalyzeCapacity(AnalyzeCapacityRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        RegisteredScenario? scenario = ScenarioErrors.Resolve(scenarios, request.ScenarioId);
        return Task.FromResult(RpcErrors.Unwrap(new CapacityQueries(network.Queries).AnalyzeCapacity(request, scenario?.Overlay, context.CancellationToken)));
    }
}
