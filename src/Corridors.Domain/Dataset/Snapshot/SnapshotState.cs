namespace Corridors.Domain.Dataset.Snapshot;

/// <summary>What was found where a dataset's snapshot belongs.</summary>
public enum SnapshotState
{
    /// <summary>No snapshot folder was given: snapshots are off.</summary>
    Off,

    /// <summary>No snapshot file yet.</summary>
    Missing,

    /// <summary>A whole snapshot of these network files and this build: used.</summary>
    Valid,

    /// <summary>A whole snapshot of other network files or of another build: not used.</summary>
    Stale,

    /// <summary>A snapshot written in another format version: not used.</summary>
    OtherFormat,

    /// <summary>Damaged (truncated, not a snapshot, checksum differs, does not decode): not used.</summary>
    Corrupt,

    /// <summary>The file is there but could not be read (permissions, I/O): not used.</summary>
    Unreadable,
}

/// <summary>How a load went: what was found, whether the dataset came from it, and whether a new snapshot was written.</summary>
/// <param name="Found">The snapshot found before loading.</param>
/// <param name="Rewritten">True when a new snapshot was written after loading the sources.</param>
/// <param name="Detail">What was wrong with the snapshot found, for diagnostics (e.g. <c>payload checksum differs</c>).</param>
public sealed record SnapshotReport(SnapshotState Found, bool Rewritten, string Detail)
{
    /// <summary>True when the dataset came from the snapshot instead of the network files.</summary>
    public bool UsedSnapshot => Found == SnapshotState.Valid;
}
