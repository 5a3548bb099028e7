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

    /// <summary>An unexpected internal error (EX_SOFTWARE in BSD sysexits.h).</summary>
    public const int InternalError = 70;
}
