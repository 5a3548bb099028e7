using Microsoft.Extensions.Logging;

namespace Corridors.Server.Security;

/// <summary>
/// Log messages of API-key access control, event ids 7100–7199 (never renumber). They carry principal names, never
/// keys or their hashes.
/// </summary>
internal static partial class SecurityLog
{
    [LoggerMessage(EventId = 7100, Level = LogLevel.Debug, Message = "API key accepted for {Principal} ({Role})")]
    public static partial void KeyAccepted(ILogger logger, string principal, ApiKeyRole role);

    [LoggerMessage(EventId = 7101, Level = LogLevel.Warning, Message = "API key rejected ({Reason}); the key is not logged")]
    public static partial void KeyRejected(ILogger logger, InvalidApiKeyReason reason);

    [LoggerMessage(EventId = 7102, Level = LogLevel.Information, Message = "Anonymous {Access} refused: no API key")]
    public static partial void AnonymousRefused(ILogger logger, AccessKind access);

    [LoggerMessage(EventId = 7103, Level = LogLevel.Warning, Message = "{Principal} ({Role}) may not {Access}: permission denied")]
    public static partial void PermissionDenied(ILogger logger, string principal, ApiKeyRole role, AccessKind access);
}
