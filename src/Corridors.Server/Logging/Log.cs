using Microsoft.Extensions.Logging;

namespace Corridors.Server.Logging;

/// <summary>Every log message of the server, with a stable event id (never renumber: dashboards filter on them).</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1000, Level = LogLevel.Information, Message = "Loading networks from {Directory}")]
    public static partial void LoadingNetwork(ILogger logger, string directory);

    [LoggerMessage(EventId = 1001, Level = LogLevel.Information,
        Message = "Network {Version} loaded from {Directory}: {PlaceCount} places, {LinkCount} links, {CorridorCount} corridors in {ElapsedMs} ms")]
    public static partial void NetworkLoaded(ILogger logger, string version, string directory, int placeCount, int linkCount, int corridorCount, long elapsedMs);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Critical, Message = "Network problem: {Problem}")]
    public static partial void NetworkProblem(ILogger logger, string problem);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Critical, Message = "The network in {Directory} has {ProblemCount} problems; the server does not start")]
    public static partial void NetworkInvalid(ILogger logger, string directory, int problemCount);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Critical, Message = "Metrics board pair {Index} ({Origin} → {Destination}) does not resolve: {Problem}")]
    public static partial void BoardPairInvalid(ILogger logger, int index, string origin, string destination, string problem);

    [LoggerMessage(EventId = 1005, Level = LogLevel.Warning,
        Message = "Sanction data is stale: reviewed {ReviewedOn}, fresh until {FreshUntil}, {AgeDays} days old on {Today}. Answers are still given and flagged (data_freshness.stale); review networks/sanctions/measures.json against its sources")]
    public static partial void SanctionDataStale(ILogger logger, string reviewedOn, string freshUntil, int ageDays, string today);

    [LoggerMessage(EventId = 1006, Level = LogLevel.Information, Message = "Sanction data reviewed {ReviewedOn}, fresh until {FreshUntil} ({DaysLeft} days left)")]
    public static partial void SanctionDataFresh(ILogger logger, string reviewedOn, string freshUntil, int daysLeft);

    [LoggerMessage(EventId = 1100, Level = LogLevel.Information, Message = "Corridors listening: gRPC (HTTP/2 h2c) on {GrpcUrl}, JSON /v1/… and gRPC-Web (HTTP/1.1) on {HttpUrl}")]
    public static partial void Listening(ILogger logger, Uri grpcUrl, Uri httpUrl);

    [LoggerMessage(EventId = 1101, Level = LogLevel.Information, Message = "Health status {Status}")]
    public static partial void HealthChanged(ILogger logger, Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus status);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Information, Message = "Scenario store health {Status}: {Why}")]
    public static partial void StoreHealthChanged(ILogger logger, Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus status, string why);

    [LoggerMessage(EventId = 2000, Level = LogLevel.Error, Message = "Unexpected exception in {Method}; the client gets INTERNAL")]
    public static partial void UnexpectedException(ILogger logger, string method, Exception exception);

    [LoggerMessage(EventId = 2001, Level = LogLevel.Debug, Message = "{Method} cancelled by the client")]
    public static partial void CallCancelled(ILogger logger, string method);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Debug, Message = "{Method} stopped at its deadline")]
    public static partial void DeadlineExceeded(ILogger logger, string method);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Debug, Message = "{Method} rejected with {Code}: {Message}")]
    public static partial void CallRejected(ILogger logger, string method, Grpc.Core.StatusCode code, string message);

    [LoggerMessage(EventId = 2004, Level = LogLevel.Warning,
        Message = "Malformed request to {Endpoint} refused before any handler ran: {Reason} ({SuppressedBefore} more left out of the log since the last such line)")]
    public static partial void MalformedRequest(ILogger logger, string endpoint, string reason, int suppressedBefore);

    [LoggerMessage(EventId = 3000, Level = LogLevel.Information, Message = "Metrics computed for version {Version}: {PairCount} pairs in {ElapsedMs} ms")]
    public static partial void MetricsComputed(ILogger logger, string version, int pairCount, long elapsedMs);

    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "Metrics watch started for {PairCount} pairs, heartbeat every {HeartbeatSeconds} s")]
    public static partial void WatchStarted(ILogger logger, int pairCount, double heartbeatSeconds);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Information, Message = "Metrics watch ended after {MessageCount} messages")]
    public static partial void WatchEnded(ILogger logger, int messageCount);
}
