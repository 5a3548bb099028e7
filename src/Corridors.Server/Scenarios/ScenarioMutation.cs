using Corridors.Application.Queries;
using Corridors.Server.Persistence;

namespace Corridors.Server.Scenarios;

/// <summary>
/// The outcome of a create, update or delete through the <see cref="ScenarioRegistry"/>. Every case but
/// <see cref="Done"/> leaves the stored and the served state unchanged; <c>Errors/ScenarioErrors</c> maps each to
/// its RPC status.
/// </summary>
public abstract record ScenarioMutation
{
    private ScenarioMutation()
    {
    }

    /// <summary>Written and served: <paramref name="Scenario"/> is the new entry, null after a delete.</summary>
    public sealed record Done(string Id, long Version, RegisteredScenario? Scenario) : ScenarioMutation;

    /// <summary>The request is malformed or its definition does not validate (INVALID_ARGUMENT).</summary>
    public sealed record Invalid(IReadOnlyList<ContractError> Errors) : ScenarioMutation;

    /// <summary>Update or delete of a shipped scenario (FAILED_PRECONDITION).</summary>
    public sealed record ShippedReadOnly(string Id) : ScenarioMutation;

    /// <summary>Create with a shipped scenario's id (ALREADY_EXISTS).</summary>
    public sealed record ShippedIdTaken(string Id) : ScenarioMutation;

    /// <summary>The store refused the write (already exists, not found, version conflict, unavailable, …).</summary>
    public sealed record StoreRefused(ScenarioWriteResult Result) : ScenarioMutation;
}
