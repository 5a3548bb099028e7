using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Corridors.Server.Tests.Support;

/// <summary>
/// A real, throwaway PostgreSQL cluster for the tests: <c>initdb</c> into a temp folder and <c>pg_ctl start</c> on a
/// free loopback port (no TCP outside 127.0.0.1, its Unix socket in the same folder), stopped and removed on dispose.
/// PostgreSQL refuses to run as root, so when the tests run as root (CI does) the cluster belongs to, and runs as,
/// the <c>postgres</c> OS user (<c>runuser -u postgres --</c>). Missing binaries or a missing <c>postgres</c> user
/// fail every PostgreSQL test with one message saying what to install — never a silent skip.
/// <para>
/// The children get the environment without libfaketime (<c>LD_PRELOAD</c>, <c>FAKETIME*</c>): CI runs the tests
/// under <c>faketime -f +730d</c>, and a faked postmaster dies at start (seen here: its checkpointer ran at once and
/// the postmaster exited). The database's clock is never read by the stores — timestamps come from the injected
/// clock — so PostgreSQL on the real time changes no figure a test asserts.
/// </para>
/// </summary>
public sealed class PostgresCluster : IDisposable
{
    public const string Name = "postgres";

    /// <summary>The cluster's superuser (trust authentication on loopback: a throwaway cluster, no password).</summary>
    public const string User = "corridors";

    private static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(2);

    private readonly string _bin;
    private readonly bool _asPostgresUser;
    private readonly string _folder;
    private readonly string _data;
    private int _databases;

    public PostgresCluster()
    {
        _bin = FindBinaries();
        _asPostgresUser = Environment.UserName == "root";
        if (_asPostgresUser && Run("id", ["-u", "postgres"], asPostgres: false, throwOnFailure: false).ExitCode != 0)
        {
            throw new InvalidOperationException(
                "The PostgreSQL tests run as root, and PostgreSQL refuses root: they need the 'postgres' OS user, which Debian's postgresql-15 package creates (apt-get install postgresql-15).");
        }

        _folder = Path.Combine(Path.GetTempPath(), "corridors-pg-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(_folder);
        if (_asPostgresUser)
        {
            Run("chown", ["postgres:postgres", _folder], asPostgres: false);
        }

        _data = Path.Combine(_folder, "data");
        Run(Path.Combine(_bin, "initdb"), ["-D", _data, "-A", "trust", "-U", User, "-E", "UTF8", "--locale=C", "--no-sync"], asPostgres: _asPostgresUser);
        Port = FreePort();
        Start();
    }

    /// <summary>The loopback port the cluster listens on (kept across restarts).</summary>
    public int Port { get; }

    /// <summary>A connection string for <paramref name="database"/> on this cluster.</summary>
    public string ConnectionString(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Database = database,
        Username = User,
        Timeout = 15,
    }.ConnectionString;

    /// <summary>Creates an empty database of its own for one test and returns its connection string.</summary>
    public string CreateDatabase()
    {
        string name = $"t{Interlocked.Increment(ref _databases)}_{Guid.NewGuid():N}"[..20];
        // Unpooled: a pooled connection would be dead after a test restarted the cluster.
        using var connection = new NpgsqlConnection(ConnectionString("postgres") + ";Pooling=false");
        connection.Open();
        using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
        create.ExecuteNonQuery();
        return ConnectionString(name);
    }

    /// <summary>Starts the cluster and waits until it accepts connections.</summary>
    public void Start() =>
        Run(Path.Combine(_bin, "pg_ctl"), ["-D", _data, "-l", Path.Combine(_folder, "server.log"), "-w", "-t", "120", "-o",
            $"-p {Port} -k {_folder} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=300", "start"], asPostgres: _asPostgresUser);

    /// <summary>Stops the cluster: fast shutdown, every connection closed by the server.</summary>
    public void Stop() =>
        Run(Path.Combine(_bin, "pg_ctl"), ["-D", _data, "-m", "fast", "-w", "-t", "120", "stop"], asPostgres: _asPostgresUser);

    public void Dispose()
    {
        Run(Path.Combine(_bin, "pg_ctl"), ["-D", _data, "-m", "immediate", "-w", "-t", "60", "stop"], asPostgres: _asPostgresUser, throwOnFailure: false);
        NpgsqlConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }

    private static string FindBinaries()
    {
        string? configured = Environment.GetEnvironmentVariable("CORRIDORS_PG_BIN");
        IEnumerable<string> candidates = configured is { Length: > 0 }
            ? [configured]
            : Directory.Exists("/usr/lib/postgresql")
                ? Directory.GetDirectories("/usr/lib/postgresql").OrderByDescending(v => int.TryParse(Path.GetFileName(v), out int major) ? major : 0).Select(v => Path.Combine(v, "bin"))
                : [];
        return candidates.FirstOrDefault(bin => File.Exists(Path.Combine(bin, "initdb")) && File.Exists(Path.Combine(bin, "pg_ctl")))
            ?? throw new InvalidOperationException(
                "The PostgreSQL tests need PostgreSQL's server binaries (initdb, pg_ctl), looked for in /usr/lib/postgresql/*/bin"
                + " or CORRIDORS_PG_BIN: install them (apt-get install postgresql-15) or point CORRIDORS_PG_BIN at their folder.");
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private static (int ExitCode, string Output) Run(string program, IReadOnlyList<string> arguments, bool asPostgres, bool throwOnFailure = true)
    {
        var start = new ProcessStartInfo(asPostgres ? "runuser" : program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetTempPath(),
        };
        if (asPostgres)
        {
            foreach (string prefix in new[] { "-u", "postgres", "--", program })
            {
                start.ArgumentList.Add(prefix);
            }
        }

        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // Real time for PostgreSQL even when the tests run under faketime (see the class comment).
        foreach (string name in start.Environment.Keys.Where(k => k == "LD_PRELOAD" || k.StartsWith("FAKETIME", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(name);
        }

        using Process process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start");
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> errors = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(CommandTimeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', arguments)} did not finish within {CommandTimeout.TotalSeconds} s");
        }

        string text = output.Result + errors.Result;
        if (throwOnFailure && process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} failed (exit {process.ExitCode}): {text}");
        }

        return (process.ExitCode, text);
    }
}

[CollectionDefinition(PostgresCluster.Name)]
public sealed class PostgresClusterDefinition : ICollectionFixture<PostgresCluster>;
