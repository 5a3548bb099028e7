using Corridors.Application.Queries;
using Corridors.Domain.Routing;
using Corridors.Domain.Scenarios;

namespace Corridors.Application.Scenarios;

/// <summary>
/// The scenarios that ship with the networks (<c>networks/scenarios/*.json</c>), each compiled once into an overlay
/// at version 1, as the server serves them: what a query's <c>scenario_id</c> can name when no server is asked (the
/// CLI's in-process mode). An unknown id gets the server's NOT_FOUND error, listing the ids known here.
/// </summary>
public sealed class ShippedScenarios
{
    private readonly Dictionary<string, ScenarioOverlay> _overlays = new(StringComparer.Ordinal);
    private readonly Candidate[] _known;

    public ShippedScenarios(CorridorRouter router)
    {
        ArgumentNullException.ThrowIfNull(router);
        foreach (Scenario scenario in router.Dataset.Scenarios)
        {
            _overlays[scenario.Id] = ScenarioOverlay.Compile(scenario, 1, router.Graph, router.Dataset.Sanctions);
        }

        _known = [.. router.Dataset.Scenarios.OrderBy(s => s.Id, StringComparer.Ordinal).Select(s => new Candidate(s.Id, s.Name))];
    }

    /// <summary>
    /// The overlay a request's <c>scenario_id</c> names (null for an empty id: the baseline), or the NOT_FOUND error
    /// for an id that does not ship.
    /// </summary>
    public ContractError? TryResolve(string scenarioId, out ScenarioOverlay? overlay)
    {
        ArgumentNullException.ThrowIfNull(scenarioId);
        overlay = null;
        string id = scenarioId.Trim();
        if (id.Length == 0 || _overlays.TryGetValue(id, out overlay))
        {
            return null;
        }

        return ContractError.ScenarioNotFound("scenario_id", scenarioId, _known);
    }
}
