using Corridors.Contracts.V1;
using Corridors.Server.Errors;
using Corridors.Server.Scenarios;
using Corridors.Server.Security;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.RateLimiting;

namespace Corridors.Server.Services;

/// <summary>
/// corridors.v1.ScenarioService: thin over the <see cref="ScenarioRegistry"/>, which validates, writes to the store and
/// serves. Reads are open under the reader policy; each mutation is marked
/// with the writer policy, checked before the call reaches here (<see cref="ApiKeyPolicies"/>). The registry's
/// refusals become statuses in <see cref="ScenarioErrors"/>.
/// </summary>
[Authorize(Policy = ApiKeyPolicies.Reader)]
public sealed class ScenarioGrpcService(ScenarioRegistry registry, Metrics.CorridorsTelemetry telemetry) : ScenarioService.ScenarioServiceBase
{
    [Authorize(Policy = ApiKeyPolicies.Writer)]
    [EnableRateLimiting(RateLimits.Mutations)]
    public override async Task<Scenario> CreateScenario(CreateScenarioRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        ScenarioMutation outcome = await registry.CreateAsync(request.Id, request.Name, request.Definition, context.CancellationToken).ConfigureAwait(false);
        telemetry.ScenarioWrite("create", outcome);
        return outcome is ScenarioMutation.Done { Scenario: { } created }
            ? ScenarioMessages.ToProto(created)
            : throw ScenarioErrors.ToRpcException(outcome);
    }

    public override Task<Scenario> GetScenario(GetScenarioRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrWhiteSpace(request.Id))
        {
            throw RpcErrors.ToRpcException([Application.Queries.ContractError.Invalid("id", "is required")]);
        }

        RegisteredScenario scenario = registry.Find(request.Id) ?? throw ScenarioErrors.NotFound(request.Id);
        return Task.FromResult(ScenarioMessages.ToProto(scenario));
    }

    public override Task<ListScenariosResponse> ListScenarios(ListScenariosRequest request, ServerCallContext context)
    {
        var response = new ListScenariosResponse();
        response.Scenarios.Add(registry.List().Select(s => ScenarioMessages.ToProto(s, withDefinition: false)));
        return Task.FromResult(response);
    }

    [Authorize(Policy = ApiKeyPolicies.Writer)]
    [EnableRateLimiting(RateLimits.Mutations)]
    public override async Task<Scenario> UpdateScenario(UpdateScenarioRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        ScenarioMutation outcome = await registry.UpdateAsync(request.Id, request.ExpectedVersion, request.Name, request.Definition, context.CancellationToken)
            .ConfigureAwait(false);
        telemetry.ScenarioWrite("update", outcome);
        return outcome is ScenarioMutation.Done { Scenario: { } updated }
            ? ScenarioMessages.ToProto(updated)
            : throw ScenarioErrors.ToRpcException(outcome);
    }

    [Authorize(Policy = ApiKeyPolicies.Writer)]
    [EnableRateLimiting(RateLimits.Mutations)]
    public override async Task<DeleteScenarioResponse> DeleteScenario(DeleteScenarioRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        ScenarioMutation outcome = await registry.DeleteAsync(request.Id, request.ExpectedVersion, context.CancellationToken).ConfigureAwait(false);
        telemetry.ScenarioWrite("delete", outcome);
        return outcome is ScenarioMutation.Done done
            ? new DeleteScenarioResponse { Id = done.Id, Version = done.Version }
            : throw ScenarioErrors.ToRpcException(outcome);
    }
}
