namespace Corridors.Cli;

/// <summary>Process exit codes of <c>corridors</c>.</summary>
internal static class ExitCodes
{
    public const int Success = 0;

    /// <summary>The network files have problems (printed one per line on stderr).</summary>
    public const int InvalidNetwork = 1;

    /// <summary>Bad command line or an argument naming something that does not exist (e.g. an unknown corridor).</summary>
    public const int UsageError = 2;

    /// <summary>The server named by <c>--server</c> could not answer (EX_UNAVAILABLE in BSD sysexits.h).</summary>
    public const int ServerUnavailable = 69;

    /// <summary>
    /// The server refused a scenario change because of its current state: a stale <c>--version</c> (ABORTED) or an id
    /// that exists (ALREADY_EXISTS). Read the scenario again and retry (EX_TEMPFAIL in BSD sysexits.h).
    /// </summary>
    public const int Conflict = 75;

    /// <summary>The server refused the API key: none, invalid, or without the writer role (EX_NOPERM in BSD sysexits.h).</summary>
    public const int NotPermitted = 77;

    /// <summary>An unexpected internal error (EX_SOFTWARE in BSD sysexits.h).</summary>
    public const int InternalError = 70;
}
