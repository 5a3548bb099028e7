using Microsoft.Extensions.Logging;

namespace Corridors.Server.Scenarios;

/// <summary>Log messages of the scenario registry, event ids 8000–8099 (never renumber).</summary>
internal static partial class ScenarioLog
{
    [LoggerMessage(EventId = 8000, Level = LogLevel.Information, Message = "Scenarios ready: {Shipped} shipped, {Stored} stored")]
    public static partial void Ready(ILogger logger, int shipped, int stored);

    [LoggerMessage(EventId = 8001, Level = LogLevel.Warning, Message = "Stored scenario {ScenarioId} v{Version} is not served: {Problem}")]
    public static partial void StoredInvalid(ILogger logger, string scenarioId, long version, string problem);

    [LoggerMessage(EventId = 8002, Level = LogLevel.Error, Message = "Stored scenarios could not be read ({Reason}); only the shipped ones are served: {Problem}")]
    public static partial void StoreUnreadable(ILogger logger, Persistence.StoreUnavailableReason reason, string problem);

    [LoggerMessage(EventId = 8003, Level = LogLevel.Information, Message = "Scenario {ScenarioId} {Change} (version {Version})")]
    public static partial void Changed(ILogger logger, string scenarioId, string change, long version);

    [LoggerMessage(EventId = 8004, Level = LogLevel.Information, Message = "Caught up with the shared scenario store: {Changed} scenarios changed while this replica was not listening")]
    public static partial void CaughtUp(ILogger logger, int changed);

    [LoggerMessage(EventId = 8005, Level = LogLevel.Warning, Message = "Could not re-read the scenario store ({Reason}); catching up in {RetrySeconds} s: {Problem}")]
    public static partial void SyncFailed(ILogger logger, Persistence.StoreUnavailableReason reason, double retrySeconds, string problem);
}
