using Microsoft.Extensions.Logging;

namespace Corridors.Server.Persistence;

/// <summary>Log messages of the scenario store, event ids 7000–7099 (never renumber: dashboards filter on them).</summary>
internal static partial class StoreLog
{
    [LoggerMessage(EventId = 7000, Level = LogLevel.Information,
        Message = "Scenario store {Path} open ({State}): schema version {SchemaVersion}, {ScenarioCount} scenarios, change sequence {ChangeSequence}")]
    public static partial void Opened(ILogger logger, string path, ScenarioStoreState state, long schemaVersion, long scenarioCount, long changeSequence);

    [LoggerMessage(EventId = 7001, Level = LogLevel.Information, Message = "Scenario store {Path} migrated from schema version {FromVersion} to {ToVersion}")]
    public static partial void Migrated(ILogger logger, string path, long fromVersion, long toVersion);

    [LoggerMessage(EventId = 7002, Level = LogLevel.Warning, Message = "Scenario store is read-only: {Problem}")]
    public static partial void ReadOnly(ILogger logger, string problem);

    [LoggerMessage(EventId = 7003, Level = LogLevel.Critical, Message = "Scenario store unavailable ({Reason}): {Problem}")]
    public static partial void Unavailable(ILogger logger, StoreUnavailableReason reason, string problem);

    [LoggerMessage(EventId = 7004, Level = LogLevel.Critical, Message = "Scenario store refuses to open: {Problem}")]
    public static partial void RefusedToOpen(ILogger logger, string problem);

    [LoggerMessage(EventId = 7005, Level = LogLevel.Error, Message = "Scenario {Operation} of {ScenarioId} failed ({Reason}): {Problem}")]
    public static partial void WriteFailed(ILogger logger, string operation, string scenarioId, StoreUnavailableReason reason, string problem);

    [LoggerMessage(EventId = 7006, Level = LogLevel.Information, Message = "Scenario {ScenarioId} {Kind} at version {Version} (change {Sequence})")]
    public static partial void Written(ILogger logger, string scenarioId, ScenarioChangeKind kind, long version, long sequence);

    [LoggerMessage(EventId = 7007, Level = LogLevel.Information, Message = "Scenario store {Target} reached again, listening; change sequence {ChangeSequence}: catching up")]
    public static partial void Reconnected(ILogger logger, string target, long changeSequence);

    [LoggerMessage(EventId = 7008, Level = LogLevel.Error, Message = "Scenario store unavailable: {Problem}")]
    public static partial void Unreachable(ILogger logger, string problem);

    [LoggerMessage(EventId = 7009, Level = LogLevel.Debug, Message = "Scenario store {Target} still unreachable, next attempt in {RetrySeconds} s: {Problem}")]
    public static partial void RetryFailed(ILogger logger, string target, double retrySeconds, string problem);

    [LoggerMessage(EventId = 7010, Level = LogLevel.Warning, Message = "Scenario store notification of {PayloadLength} characters not understood: catching up instead")]
    public static partial void UnknownNotification(ILogger logger, int payloadLength);
}
