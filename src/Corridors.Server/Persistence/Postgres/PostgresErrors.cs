using System.Net.Sockets;
using Npgsql;

namespace Corridors.Server.Persistence.Postgres;

/// <summary>
/// The PostgreSQL failures a store expects (https://www.postgresql.org/docs/15/errcodes-appendix.html) as a
/// <see cref="StoreUnavailableReason"/>; anything else (a syntax error, a constraint this code should have checked)
/// is a bug and propagates.
/// </summary>
internal static class PostgresErrors
{
    /// <summary>The reason for an expected failure, or null for a bug.</summary>
    public static StoreUnavailableReason? ReasonOf(Exception exception) => exception switch
    {
        PostgresException postgres => postgres.SqlState switch
        {
            "53100" => StoreUnavailableReason.DiskFull,                       // disk_full
            "25006" => StoreUnavailableReason.ReadOnly,                       // read_only_sql_transaction (a standby)
            "40001" or "40P01" or "55P03" or "57014" => StoreUnavailableReason.Busy, // serialization, deadlock, lock_not_available, query_canceled (timeout)
            _ when postgres.SqlState.StartsWith("08", StringComparison.Ordinal) => StoreUnavailableReason.IoError, // connection_exception
            _ when postgres.SqlState.StartsWith("57P", StringComparison.Ordinal) => StoreUnavailableReason.IoError, // shutting down, restarting
            _ when postgres.SqlState.StartsWith("53", StringComparison.Ordinal) => StoreUnavailableReason.IoError,  // insufficient resources (too many connections)
            _ when IsConfiguration(postgres) => StoreUnavailableReason.IoError,
            _ => null,
        },
        NpgsqlException { InnerException: TimeoutException } => StoreUnavailableReason.Busy,
        NpgsqlException => StoreUnavailableReason.IoError,                   // the connection broke or could not be made
        TimeoutException => StoreUnavailableReason.Busy,
        SocketException or IOException => StoreUnavailableReason.IoError,
        _ => null,
    };

    /// <summary>
    /// True for a refusal that retrying will not cure: wrong user or password (class 28) or no such database
    /// (3D000). At start-up it is a configuration error (exit 78); later it is reported like an outage.
    /// </summary>
    public static bool IsConfiguration(Exception exception) =>
        exception is PostgresException postgres
        && (postgres.SqlState.StartsWith("28", StringComparison.Ordinal) || postgres.SqlState == "3D000");

    /// <summary>The exception's own words, first line, without the stack trace.</summary>
    public static string Describe(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        string message = exception is PostgresException postgres ? $"{postgres.SqlState}: {postgres.MessageText}" : exception.Message;
        return message.Split('\n', 2)[0].TrimEnd('\r', '.');
    }
}
