using Corridors.Server.Networks;
using Grpc.Core;
using Grpc.Health.V1;
using Microsoft.AspNetCore.Authorization;

namespace Corridors.Server.Services;

/// <summary>grpc.health.v1.Health, delegating to the statuses <see cref="ServingStatus"/> keeps.</summary>
[AllowAnonymous] // load balancers and orchestrators probe without a key
public sealed class HealthGrpcService(ServingStatus serving) : Health.HealthBase
{
    public override Task<HealthCheckResponse> Check(HealthCheckRequest request, ServerCallContext context) =>
        serving.Health.Check(request, context);

    public override Task Watch(HealthCheckRequest request, IServerStreamWriter<HealthCheckResponse> responseStream, ServerCallContext context) =>
        serving.Health.Watch(request, responseStream, context);
}
