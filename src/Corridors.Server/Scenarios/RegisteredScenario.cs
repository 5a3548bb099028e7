using System.Security.Cryptography;
using System.Text;
using Corridors.Domain.Scenarios;

namespace Corridors.Server.Scenarios;

/// <summary>
/// A scenario the server can answer under: its definition, compiled once into an overlay at its version. Immutable;
/// a change replaces the whole entry.
/// </summary>
/// <param name="DefinitionJson">The canonical document (<see cref="ScenarioJson.Write"/>) with this id and name.</param>
/// <param name="IsShipped">True for <c>networks/scenarios/*.json</c>: version 1, read-only.</param>
/// <param name="CreatedUtc">Null for shipped scenarios.</param>
/// <param name="UpdatedUtc">Null for shipped scenarios.</param>
public sealed record RegisteredScenario(
    string Id,
    string Name,
    long Version,
    bool IsShipped,
    string DefinitionJson,
    Scenario Definition,
    ScenarioOverlay Overlay,
    DateTimeOffset? CreatedUtc,
    DateTimeOffset? UpdatedUtc)
{
    /// <summary>
    /// What caches and the metrics version key on: <c>{id}.v{version}.{first 8 hex digits of the definition's
    /// SHA-256}</c>. The hash tells apart two scenarios that had the same id and version (deleted and created again),
    /// also across restarts.
    /// </summary>
    public string Revision { get; } = $"{Id}.v{Version}.{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(DefinitionJson)))[..8]}";
}

/// <summary>A change to one scenario as its watchers see it: the scenario now, or null when it was deleted.</summary>
public sealed record ScenarioSignal(string Id, RegisteredScenario? Current);
