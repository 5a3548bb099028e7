using Corridors.Contracts.V1;
using Corridors.Server.Errors;
using Corridors.Server.Networks;
using Grpc.Core;

namespace Corridors.Server.Services;

/// <summary>
/// corridors.v1.ComparisonService: validate and map (in <see cref="Contracts.Mapping.CorridorQueries"/>), run the
/// domain with the call's cancellation token (cancelled at the deadline too), map back; bad input becomes a status in
/// <see cref="RpcErrors"/>. "No route" is an outcome inside the response.
/// </summary>
public sealed class ComparisonGrpcService(LoadedNetwork network, ComparisonCache cache) : ComparisonService.ComparisonServiceBase
{
    public override Task<CompareCorridorsResponse> CompareCorridors(CompareCorridorsRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Task.FromResult(cache.GetOrAdd(
            request,
            network.Queries.Router.Today,
            () => RpcErrors.Unwrap(network.Queries.CompareCorridors(request, context.CancellationToken))));
    }

    public override Task<FindRoutesResponse> FindRoutes(FindRoutesRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Task.FromResult(RpcErrors.Unwrap(network.Queries.FindRoutes(request, context.CancellationToken)));
    }

    public override Task<FindParetoRoutesResponse> FindParetoRoutes(FindParetoRoutesRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Task.FromResult(RpcErrors.Unwrap(network.Queries.FindParetoRoutes(request, context.CancellationToken)));
    }

    public override Task<ComputeMatrixResponse> ComputeMatrix(ComputeMatrixRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Task.FromResult(RpcErrors.Unwrap(network.Queries.ComputeMatrix(request, context.CancellationToken)));
    }
}
