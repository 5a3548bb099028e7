using System.Globalization;

namespace Corridors.LoadTest;

/// <summary>Command-line settings of the soak (<c>soak</c> as the first argument); every limit has a default and a ceiling.</summary>
internal sealed record SoakOptions(
    Uri? Server,
    string ServerDll,
    int? ServerPid,
    string? ApiKey,
    int Clients,
    int Watchers,
    int WatchedScenarios,
    TimeSpan Duration,
    TimeSpan Warmup,
    bool KeepRateLimits,
    int Seed,
    IReadOnlyList<string> ServerArguments)
{
    public const int MaxWatchers = 1_000;
    public const int MaxWatchedScenarios = 16;
    public const string DefaultServerDll = "src/Corridors.Server/bin/Release/net10.0/Corridors.Server.dll";

    /// <summary>The rate limits the soak gives a server it starts (per minute and burst), far above its own traffic.</summary>
    public const int RaisedPermitsPerMinute = 10_000_000;

    public static readonly string Usage = $"""
        Corridors soak: a mixed workload against the real server on loopback — CompareCorridors over many pairs, dates
        and perspectives (mostly cache misses), FindRoutes with alternatives, FindParetoRoutes, ComputeMatrix 3×3,
        scenario create/update/delete with a writer key — from N clients, while W WatchCorridorMetrics streams stay
        open (most on scenarios the writers update). Reports calls/s, p50 and p99 per method, every status per method
        (expected or not), the Watch pushes, and the server's resident memory (VmRSS) after the warm-up and at the end.

        Usage (from the repository root, after dotnet build -c Release):
          dotnet run -c Release --project tests/Corridors.LoadTest -- soak [options]

        By default it starts the server itself ({DefaultServerDll}) on free loopback ports with a temp
        database and a temp keys file holding a new writer key, raises both rate limits to {RaisedPermitsPerMinute.ToString("N0", CultureInfo.InvariantCulture)}/min
        for the soak, and stops the server at the end.
          --server-dll PATH   the server to start                              (default above)
          --keep-rate-limits  start it with the default rate limits; RESOURCE_EXHAUSTED from the limiter is then
                              counted as an expected refusal and reported separately
          --server-arg ARG    one more setting for it, e.g. --server-arg --Corridors:ComparisonCacheEntries=0 (repeatable)
        It also reads the server's GC heap from its /metrics after the warm-up and at the end.
        Or against a server you started (its rate limits apply; the limiter's refusals count as expected):
          --server URL        gRPC (h2c) address, loopback only
          --server-pid PID    the server's process, to read its VmRSS from /proc/PID/status (else RSS is not reported)
          --api-key KEY       a writer key the server knows (else $CORRIDORS_API_KEY)
        Workload:
          --clients N         concurrent clients, one channel each             (default 64, at most {LoadOptions.MaxClients})
          --watchers N        WatchCorridorMetrics streams held open           (default 100, at most {MaxWatchers})
          --scenarios N       scenarios the writers update under the watchers  (default 4, at most {MaxWatchedScenarios})
          --duration SECONDS  how long the load runs                           (default 60, at most 600)
          --warmup SECONDS    RSS baseline taken this far into the run         (default 10)
          --seed N            seed of the request mix                          (default 1)
        """;

    /// <summary>Parses the arguments after <c>soak</c>; null with a message for anything wrong, including a non-loopback server.</summary>
    public static (SoakOptions? Options, string? Error) Parse(IReadOnlyList<string> args)
    {
        var options = new SoakOptions(null, DefaultServerDll, null, null, 64, 100, 4, TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(10), false, 1, []);
        for (int i = 0; i < args.Count; i++)
        {
            string name = args[i];
            if (name is "-h" or "--help")
            {
                return (null, Usage);
            }

            if (name == "--keep-rate-limits")
            {
                options = options with { KeepRateLimits = true };
                continue;
            }

            if (i + 1 >= args.Count)
            {
                return (null, $"{name} needs a value");
            }

            string value = args[++i];
            switch (name)
            {
                case "--server" when Uri.TryCreate(value, UriKind.Absolute, out Uri? uri):
                    options = options with { Server = uri };
                    break;
                case "--server-dll":
                    options = options with { ServerDll = value };
                    break;
                case "--server-arg" when value.StartsWith("--Corridors:", StringComparison.Ordinal):
                    options = options with { ServerArguments = [.. options.ServerArguments, value] };
                    break;
                case "--server-pid" when TryInt(value, 1, int.MaxValue, out int pid):
                    options = options with { ServerPid = pid };
                    break;
                case "--api-key" when value.Length > 0:
                    options = options with { ApiKey = value };
                    break;
                case "--clients" when TryInt(value, 1, LoadOptions.MaxClients, out int clients):
                    options = options with { Clients = clients };
                    break;
                case "--watchers" when TryInt(value, 0, MaxWatchers, out int watchers):
                    options = options with { Watchers = watchers };
                    break;
                case "--scenarios" when TryInt(value, 1, MaxWatchedScenarios, out int scenarios):
                    options = options with { WatchedScenarios = scenarios };
                    break;
                case "--duration" when TrySeconds(value, LoadOptions.MaxDuration.TotalSeconds, out double seconds) && seconds > 0:
                    options = options with { Duration = TimeSpan.FromSeconds(seconds) };
                    break;
                case "--warmup" when TrySeconds(value, LoadOptions.MaxDuration.TotalSeconds, out double warmup):
                    options = options with { Warmup = TimeSpan.FromSeconds(warmup) };
                    break;
                case "--seed" when TryInt(value, 0, int.MaxValue, out int seed):
                    options = options with { Seed = seed };
                    break;
                default:
                    return (null, $"bad option or value: {name} {value}\n\n{Usage}");
            }
        }

        if (options.Server is { } server && !LoadOptions.IsLoopback(server))
        {
            return (null, $"--server must be a loopback address (127.0.0.1, ::1 or localhost), got {server.Host}");
        }

        if (options.Server is null && options.ServerPid is not null)
        {
            return (null, "--server-pid goes with --server (a server started by the soak is measured anyway)");
        }

        if (options.Warmup >= options.Duration)
        {
            return (null, $"--warmup ({options.Warmup.TotalSeconds:0.#} s) must be shorter than --duration ({options.Duration.TotalSeconds:0.#} s)");
        }

        if (options.Clients <= options.WatchedScenarios)
        {
            return (null, $"--clients must exceed --scenarios: clients 0..{options.WatchedScenarios - 1} each own one watched scenario, the others churn their own");
        }

        return (options, null);
    }

    private static bool TryInt(string value, int min, int max, out int result) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out result) && result >= min && result <= max;

    private static bool TrySeconds(string value, double max, out double seconds) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out seconds) && seconds >= 0 && seconds <= max;
}
