using System.Globalization;
using System.Net;

namespace Corridors.LoadTest;

/// <summary>Command-line settings of a bounded run; every limit has a default and a ceiling.</summary>
internal sealed record LoadOptions(
    Uri Server,
    Uri? Metrics,
    int Clients,
    int Requests,
    TimeSpan? Duration,
    TimeSpan Warmup,
    string Origin,
    string Destination,
    int Mix,
    int Seed,
    bool StartServer,
    bool NoCache,
    string ServerDll)
{
    /// <summary>
    /// Every replica <c>--server</c> names (comma-separated): each client's channel balances round-robin over them
    /// (<see cref="Contracts.Client.ServerChannel"/>). <see cref="Server"/> is the first, whose <c>/metrics</c> is read.
    /// </summary>
    public IReadOnlyList<Uri> Replicas { get; init; } = [Server];

    /// <summary>Paths of CompareCorridors' read mask sent with every request (<c>--read-mask</c>); null for the whole answer.</summary>
    public IReadOnlyList<string>? ReadMask { get; init; }

    /// <summary>
    /// How many times the empty call's phase and CompareCorridors' phase alternate (<c>--rounds</c>), each round a
    /// share of the calls or the duration: on a shared machine whose speed drifts, both methods then meet the same drift.
    /// </summary>
    public int Rounds { get; init; } = 1;

    public const int MaxRounds = 20;

    public const int MaxClients = 256;
    public const int MaxRequests = 1_000_000;
    public static readonly TimeSpan MaxDuration = TimeSpan.FromMinutes(10);

    /// <summary>The server's default HTTP (JSON, <c>/metrics</c>) port, CorridorsServerOptions.HttpPort.</summary>
    public const int DefaultHttpPort = 50080;

    /// <summary>The server's cache setting that <c>--no-cache</c> passes to a server the tool starts.</summary>
    public const string CacheOffArgument = "--Corridors:ComparisonCacheEntries=0";

    public static readonly string Usage = $"""
        Corridors load test: drives a Corridors server on loopback with N concurrent clients and reports throughput and
        p50/p99 latency of CompareCorridors and of an empty call (grpc.health.v1 Check) in the same run, and the
        server's comparison cache hit ratio over the measured CompareCorridors calls (from its /metrics).

        Usage: dotnet run -c Release --project tests/Corridors.LoadTest -- [options]
               dotnet run -c Release --project tests/Corridors.LoadTest -- soak --help   (the mixed soak)
          --server URL[,URL]  gRPC (h2c) address, loopback only        (default http://127.0.0.1:50051);
                              several: each client balances round-robin over the replicas (/metrics of the first)
          --metrics URL       the server's HTTP address, for /metrics  (default the --server host, port {DefaultHttpPort})
          --clients N         concurrent clients, one channel each     (default 16, at most {MaxClients})
          --requests N        calls per method, shared by the clients  (default 20000, at most {MaxRequests})
          --duration SECONDS  instead of --requests: run each method this long (at most {MaxDuration.TotalSeconds:0})
          --warmup SECONDS    unmeasured calls of both methods first   (default 3, at most 60)
          --from PLACE        CompareCorridors origin                  (default xian)
          --to PLACE          CompareCorridors destination             (default duisburg)
          --mix N             cycle through N distinct CompareCorridors requests: --from→--to, then N−1 drawn from
                              Chinese and European terminals, as-of dates 2014…2040 and shippers (regimes, cargo
                              class); 1 sends only --from→--to          (default 1, at most {CompareMix.MaxRequests})
          --seed N            seed of the --mix draw                   (default 1)
          --read-mask PATHS   CompareCorridors' read_mask on every request, comma-separated paths, e.g.
                              comparisons.corridor_id,comparisons.transit_days (default: the whole answer)
          --rounds N          alternate the two methods' phases N times, each 1/N of the calls or duration, so a
                              drifting machine slows both alike; the ratio is over all rounds (default 1, at most {MaxRounds})
        Or let the tool start the server (from the repository root, after dotnet build -c Release) on free loopback
        ports with a temp database, and stop it at the end:
          --start-server      start {SoakOptions.DefaultServerDll}
          --server-dll PATH   with --start-server: the server to start
          --no-cache          with --start-server: start it with {CacheOffArgument}
        """;

    /// <summary>The address whose <c>/metrics</c> is read when none is given: the server's host on <see cref="DefaultHttpPort"/>.</summary>
    public Uri MetricsAddress => Metrics ?? new UriBuilder(Server) { Port = DefaultHttpPort, Path = "/" }.Uri;

    /// <summary>Parses the arguments; null with a message for anything wrong, including a non-loopback address.</summary>
    public static (LoadOptions? Options, string? Error) Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var options = new LoadOptions(new Uri("http://127.0.0.1:50051"), null, 16, 20_000, null, TimeSpan.FromSeconds(3), "xian", "duisburg",
            Mix: 1, Seed: 1, StartServer: false, NoCache: false, SoakOptions.DefaultServerDll);
        bool serverGiven = false, serverDllGiven = false;
        for (int i = 0; i < args.Count; i++)
        {
            string name = args[i];
            switch (name)
            {
                case "-h" or "--help":
                    return (null, Usage);
                case "--start-server":
                    options = options with { StartServer = true };
                    continue;
                case "--no-cache":
                    options = options with { NoCache = true };
                    continue;
            }

            if (i + 1 >= args.Count)
            {
                return (null, $"{name} needs a value");
            }

            string value = args[++i];
            switch (name)
            {
                case "--server" when Contracts.Client.ServerChannel.ParseAddresses(value, out _) is { } replicas:
                    options = options with { Server = replicas[0], Replicas = replicas };
                    serverGiven = true;
                    break;
                case "--metrics" when Uri.TryCreate(value, UriKind.Absolute, out Uri? uri):
                    options = options with { Metrics = uri };
                    break;
                case "--clients" when TryInt(value, 1, MaxClients, out int clients):
                    options = options with { Clients = clients };
                    break;
                case "--requests" when TryInt(value, 1, MaxRequests, out int requests):
                    options = options with { Requests = requests };
                    break;
                case "--duration" when double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out double seconds) && seconds > 0 && seconds <= MaxDuration.TotalSeconds:
                    options = options with { Duration = TimeSpan.FromSeconds(seconds) };
                    break;
                case "--warmup" when double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out double warmup) && warmup >= 0 && warmup <= 60:
                    options = options with { Warmup = TimeSpan.FromSeconds(warmup) };
                    break;
                case "--from":
                    options = options with { Origin = value };
                    break;
                case "--to":
                    options = options with { Destination = value };
                    break;
                case "--mix" when TryInt(value, 1, CompareMix.MaxRequests, out int mix):
                    options = options with { Mix = mix };
                    break;
                case "--mix":
                    return (null, string.Create(CultureInfo.InvariantCulture,
                        $"--mix takes how many distinct CompareCorridors requests to cycle through, a whole number from 1 to {CompareMix.MaxRequests:N0}; got {value}"));
                case "--read-mask" when value.Split(',').All(path => path.Trim().Length > 0):
                    options = options with { ReadMask = [.. value.Split(',').Select(path => path.Trim())] };
                    break;
                case "--read-mask":
                    return (null, $"--read-mask takes comma-separated field paths of CompareCorridorsResponse, e.g. comparisons.corridor_id,comparisons.transit_days; got '{value}'");
                case "--rounds" when TryInt(value, 1, MaxRounds, out int rounds):
                    options = options with { Rounds = rounds };
                    break;
                case "--rounds":
                    return (null, $"--rounds takes how many times the two phases alternate, a whole number from 1 to {MaxRounds}; got {value}");
                case "--seed" when TryInt(value, 0, int.MaxValue, out int seed):
                    options = options with { Seed = seed };
                    break;
                case "--server-dll":
                    options = options with { ServerDll = value };
                    serverDllGiven = true;
                    break;
                default:
                    return (null, $"bad option or value: {name} {value}\n\n{Usage}");
            }
        }

        if (options.StartServer && (serverGiven || options.Metrics is not null))
        {
            return (null, "--start-server picks the started server's loopback ports itself: leave out --server and --metrics");
        }

        if (!options.StartServer && (options.NoCache || serverDllGiven))
        {
            return (null, $"{(options.NoCache ? "--no-cache" : "--server-dll")} goes with --start-server (to turn off the cache of a server you start yourself, give it {CacheOffArgument})");
        }

        foreach ((string option, Uri uri) in options.Replicas.Select(r => ("--server", r)).Append(("--metrics", options.MetricsAddress)))
        {
            if (!IsLoopback(uri))
            {
                return (null, $"{option} must be a loopback address (127.0.0.1, ::1 or localhost), got {uri.Host}");
            }
        }

        return (options, null);
    }

    internal static bool IsLoopback(Uri uri) =>
        uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out IPAddress? address) && IPAddress.IsLoopback(address));

    private static bool TryInt(string value, int min, int max, out int result) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out result) && result >= min && result <= max;
}
