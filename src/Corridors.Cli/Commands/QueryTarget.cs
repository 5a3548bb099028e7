using Corridors.Application.Queries;
using Corridors.Contracts.V1;

namespace Corridors.Cli.Commands;

/// <summary>
/// Where a query command's request is answered: in this process through the application layer
/// (<see cref="InProcessTarget"/>), or by a Corridors server over gRPC (<see cref="ServerTarget"/>, with
/// <c>--server</c>). Both take the same request message and give the same response, or the same refused fields.
/// </summary>
internal abstract class QueryTarget : IDisposable
{
    public abstract ContractResult<CompareCorridorsResponse> CompareCorridors(CompareCorridorsRequest request);

    public abstract ContractResult<FindRoutesResponse> FindRoutes(FindRoutesRequest request);

    public abstract ContractResult<FindParetoRoutesResponse> FindParetoRoutes(FindParetoRoutesRequest request);

    public abstract ContractResult<AnalyzeCapacityResponse> AnalyzeCapacity(AnalyzeCapacityRequest request);

    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
    }
}
