using Corridors.Contracts.V1;
using Corridors.Server.Errors;
using Corridors.Server.Networks;
using Corridors.Server.Security;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;

namespace Corridors.Server.Services;

/// <summary>corridors.v1.CatalogService: corridors, places and sources of the loaded network.</summary>
[Authorize(Policy = ApiKeyPolicies.Reader)]
public sealed class CatalogGrpcService(LoadedNetwork network) : CatalogService.CatalogServiceBase
{
    public override Task<ListCorridorsResponse> ListCorridors(ListCorridorsRequest request, ServerCallContext context) =>
        Task.FromResult(network.Queries.ListCorridors());

    public override Task<GetCorridorResponse> GetCorridor(GetCorridorRequest request, ServerCallContext context) =>
        Task.FromResult(RpcErrors.Unwrap(network.Queries.GetCorridor(request)));

    public override Task<ListPlacesResponse> ListPlaces(ListPlacesRequest request, ServerCallContext context) =>
        Task.FromResult(RpcErrors.Unwrap(network.Queries.ListPlaces(request)));

    public override Task<ListSourcesResponse> ListSources(ListSourcesRequest request, ServerCallContext context) =>
        Task.FromResult(network.Queries.ListSources());

    public override Task<ResolvePlaceResponse> ResolvePlace(ResolvePlaceRequest request, ServerCallContext context) =>
        Task.FromResult(RpcErrors.Unwrap(network.Queries.ResolvePlace(request)));
}
