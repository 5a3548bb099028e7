namespace Corridors.Server.Persistence;

/// <summary>What a store can do now.</summary>
public enum ScenarioStoreState
{
    /// <summary>Not opened yet.</summary>
    NotOpened = 1,

    /// <summary>Reads and writes work.</summary>
    Ready = 2,

    /// <summary>Reads work; writes return <see cref="ScenarioWriteResult.StoreUnavailable"/> with <see cref="StoreUnavailableReason.ReadOnly"/>.</summary>
    ReadOnly = 3,

    /// <summary>Nothing works (corrupt file, file cannot be created); the rest of the server keeps serving.</summary>
    Unavailable = 4,
}

/// <summary>A store's state, with the reason and a message naming the file when it is not <see cref="ScenarioStoreState.Ready"/>.</summary>
public sealed record ScenarioStoreStatus(ScenarioStoreState State, StoreUnavailableReason? Reason, string Message)
{
    public static ScenarioStoreStatus NotOpened { get; } =
        new(ScenarioStoreState.NotOpened, StoreUnavailableReason.NotOpened, "The scenario store has not been opened.");
}

/// <summary>A read could not be served: the store is <see cref="ScenarioStoreState.Unavailable"/> or the engine failed.</summary>
public sealed class ScenarioStoreUnavailableException : Exception
{
    public ScenarioStoreUnavailableException()
        : this(StoreUnavailableReason.IoError, "The scenario store is unavailable.")
    {
    }

    public ScenarioStoreUnavailableException(string message)
        : this(StoreUnavailableReason.IoError, message)
    {
    }

    public ScenarioStoreUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
        Reason = StoreUnavailableReason.IoError;
    }

    public ScenarioStoreUnavailableException(StoreUnavailableReason reason, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Reason = reason;
    }

    public StoreUnavailableReason Reason { get; }
}

/// <summary>The store refuses to open (a schema newer than this build): the server must not start on this file.</summary>
public sealed class ScenarioStoreOpenException : Exception
{
    public ScenarioStoreOpenException()
    {
    }

    public ScenarioStoreOpenException(string message)
        : base(message)
    {
    }

    public ScenarioStoreOpenException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
