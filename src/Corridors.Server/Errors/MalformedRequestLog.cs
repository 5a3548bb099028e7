using Corridors.Server.Logging;
using Microsoft.Extensions.Logging;

namespace Corridors.Server.Errors;

/// <summary>
/// Logs requests refused before any handler ran because their body is not a message at all (bad protobuf, invalid
/// UTF-8, broken JSON): one Warning line each, no stack trace, and at most <see cref="LinesPerMinute"/> lines a minute so
/// a flood of garbage cannot flood the log. The next line after a quiet spell counts what was left out.
/// </summary>
public sealed class MalformedRequestLog(ILogger<MalformedRequestLog> logger, TimeProvider clock)
{
    /// <summary>Most lines written per minute; the rest are counted.</summary>
    public const int LinesPerMinute = 10;

    private readonly Lock _gate = new();
    private DateTimeOffset _windowStart = DateTimeOffset.MinValue;
    private int _written;
    private int _suppressed;

    public void Refused(string endpoint, string reason)
    {
        int suppressedBefore;
        lock (_gate)
        {
            DateTimeOffset now = clock.GetUtcNow();
            if (now - _windowStart >= TimeSpan.FromMinutes(1))
            {
                _windowStart = now;
                _written = 0;
            }

            if (_written >= LinesPerMinute)
            {
                _suppressed++;
                return;
            }

            _written++;
            suppressedBefore = _suppressed;
            _suppressed = 0;
        }

        Log.MalformedRequest(logger, LogText.Escape(endpoint), LogText.Escape(reason), suppressedBefore);
    }
}
