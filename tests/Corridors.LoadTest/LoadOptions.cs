using System.Globalization;
using System.Net;

namespace Corridors.LoadTest;

/// <summary>Command-line settings of a bounded run; every limit has a default and a ceiling.</summary>
internal sealed record LoadOptions(Uri Server, int Clients, int Requests, TimeSpan? Duration, TimeSpan Warmup, string Origin, string Destination)
{
    public const int MaxClients = 256;
    public const int MaxRequests = 1_000_000;
    public static readonly TimeSpan MaxDuration = TimeSpan.FromMinutes(10);

    public const string Usage = """
        Corridors load test: drives a running Corridors server on loopback with N concurrent clients and reports
        throughput and p50/p99 latency of CompareCorridors and of an empty call (grpc.health.v1 Check) in the same run.

        Usage: dotnet run -c Release --project tests/Corridors.LoadTest -- [options]
               dotnet run -c Release --project tests/Corridors.LoadTest -- soak --help   (the mixed soak)
          --server URL        gRPC (h2c) address, loopback only        (default http://127.0.0.1:50051)
          --clients N         concurrent clients, one channel each     (default 16, at most 256)
          --requests N        calls per method, shared by the clients  (default 20000, at most 1000000)
          --duration SECONDS  instead of --requests: run each method this long (at most 600)
          --warmup SECONDS    unmeasured calls of both methods first   (default 3)
          --from PLACE        CompareCorridors origin                  (default xian)
          --to PLACE          CompareCorridors destination             (default duisburg)
        """;

    /// <summary>Parses the arguments; null with a message for anything wrong, including a non-loopback server.</summary>
    public static (LoadOptions? Options, string? Error) Parse(IReadOnlyList<string> args)
    {
        var options = new LoadOptions(new Uri("http://127.0.0.1:50051"), 16, 20_000, null, TimeSpan.FromSeconds(3), "xian", "duisburg");
        for (int i = 0; i < args.Count; i++)
        {
            string name = args[i];
            if (name is "-h" or "--help")
            {
                return (null, Usage);
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
                case "--clients" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int clients) && clients is >= 1 and <= MaxClients:
                    options = options with { Clients = clients };
                    break;
                case "--requests" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int requests) && requests is >= 1 and <= MaxRequests:
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
                default:
                    return (null, $"bad option or value: {name} {value}\n\n{Usage}");
            }
        }

        if (!IsLoopback(options.Server))
        {
            return (null, $"--server must be a loopback address (127.0.0.1, ::1 or localhost), got {options.Server.Host}");
        }

        return (options, null);
    }

    internal static bool IsLoopback(Uri uri) =>
        uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out IPAddress? address) && IPAddress.IsLoopback(address));
}
