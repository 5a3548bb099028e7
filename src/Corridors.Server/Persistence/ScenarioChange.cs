namespace Corridors.Server.Persistence;

/// <summary>What a committed write did.</summary>
public enum ScenarioChangeKind
{
    Created = 1,
    Updated = 2,
    Deleted = 3,
}

/// <summary>
/// One committed write, published after the commit.
/// </summary>
/// <param name="Sequence">
/// The store-wide change counter after this write: starts at 1, grows by exactly 1 per committed write, is persisted
/// with the write (it survives restarts), so a gap between two changes a subscriber receives means it missed some.
/// </param>
/// <param name="Id">The scenario written.</param>
/// <param name="Version">Its new version; for <see cref="ScenarioChangeKind.Deleted"/> the version it had.</param>
/// <param name="Kind">Created, updated or deleted.</param>
public sealed record ScenarioChange(long Sequence, string Id, long Version, ScenarioChangeKind Kind)
{
    /// <summary>The change a successful write makes, with <see cref="Sequence"/> still to be set (0); null for a refusal.</summary>
    internal static ScenarioChange? Of(ScenarioWriteResult result) => result switch
    {
        ScenarioWriteResult.Created created => new ScenarioChange(0, created.Scenario.Id, created.Scenario.Version, ScenarioChangeKind.Created),
        ScenarioWriteResult.Updated updated => new ScenarioChange(0, updated.Scenario.Id, updated.Scenario.Version, ScenarioChangeKind.Updated),
        ScenarioWriteResult.Deleted deleted => new ScenarioChange(0, deleted.Id, deleted.Version, ScenarioChangeKind.Deleted),
        _ => null,
    };
}
