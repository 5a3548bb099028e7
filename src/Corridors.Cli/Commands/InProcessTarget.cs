using Corridors.Application.Queries;
using Corridors.Application.Scenarios;
using Corridors.Contracts.V1;
using Corridors.Domain.Dataset;
using Corridors.Domain.Places;
using Corridors.Domain.Routing;
using Corridors.Domain.Scenarios;

namespace Corridors.Cli.Commands;

/// <summary>
/// Answers in this process, over the network files, through the same <see cref="CorridorQueries"/> a server's
/// services call, with the documented default limits; <c>scenario_id</c> can name the shipped scenarios.
/// </summary>
internal sealed class InProcessTarget(CorridorQueries queries, ShippedScenarios scenarios) : QueryTarget
{
    /// <summary>The target over the network in <paramref name="directory"/>; null after reporting a network that does not load.</summary>
    public static InProcessTarget? Open(CliContext context, string? directory)
    {
        ArgumentNullException.ThrowIfNull(context);
        CorridorDataset? dataset = new NetworkLocator(context).LoadDatasetOrReport(directory);
        if (dataset is null)
        {
            return null;
        }

        var router = new CorridorRouter(dataset, context.Calendar, context.GeometryFactory);
        // The network version is only shown by catalog calls, which the CLI does not make in-process.
        var queries = new CorridorQueries(router, new PlaceResolver(dataset.Network), QueryLimits.Default, networkVersion: string.Empty);
        return new InProcessTarget(queries, new ShippedScenarios(router));
    }

    public override ContractResult<CompareCorridorsResponse> CompareCorridors(CompareCorridorsRequest request) =>
        UnderScenario(request.ScenarioId, overlay => queries.CompareCorridors(request, overlay));

    public override ContractResult<FindRoutesResponse> FindRoutes(FindRoutesRequest request) =>
        UnderScenario(request.ScenarioId, overlay => queries.FindRoutes(request, overlay));

    public override ContractResult<FindParetoRoutesResponse> FindParetoRoutes(FindParetoRoutesRequest request) =>
        UnderScenario(request.ScenarioId, overlay => queries.FindParetoRoutes(request, overlay));

    public override ContractResult<AnalyzeCapacityResponse> AnalyzeCapacity(AnalyzeCapacityRequest request) =>
        UnderScenario(request.ScenarioId, overlay => new CapacityQueries(queries).AnalyzeCapacity(request, overlay));

    /// <summary>As the server does: the scenario is resolved first, and an unknown one is the only error reported.</summary>
    private ContractResult<T> UnderScenario<T>(string scenarioId, Func<ScenarioOverlay?, ContractResult<T>> query)
        where T : class =>
        scenarios.TryResolve(scenarioId, out ScenarioOverlay? overlay) is { } unknown
            ? ContractResult<T>.Failure([unknown])
            : query(overlay);
}
