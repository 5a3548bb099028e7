using System.ComponentModel.DataAnnotations;
using Corridors.Application.Queries;
using Corridors.Domain.Routing;

namespace Corridors.Server.Options;

/// <summary>
/// The server's settings, bound from the <c>Corridors</c> configuration section (appsettings.json, environment
/// variables such as <c>Corridors__GrpcPort=6000</c>, or <c>--Corridors:GrpcPort=6000</c>) and validated at start-up.
/// The defaults below are the only defaults; <c>OptionsDefaultsTests</c> pins them.
/// </summary>
public sealed class CorridorsServerOptions
{
    public const string SectionName = "Corridors";

    /// <summary>
    /// Folder holding the network files. Relative paths are tried against the content root, then against the folder
    /// holding <c>Corridors.sln</c> found by walking up from the content root. Default <c>networks</c>.
    /// </summary>
    [Required(AllowEmptyStrings = false)]
    public string NetworksDirectory { get; set; } = "networks";

    /// <summary>
    /// Folder holding the built dashboard (<c>index.html</c> and its assets), served at <c>/</c> on the HTTP port.
    /// Resolved like <see cref="NetworksDirectory"/>. The server project's build writes it (npm); when it is missing
    /// <c>/</c> says how to build it. Default <c>src/Corridors.Dashboard/dist</c>.
    /// </summary>
    [Required(AllowEmptyStrings = false)]
    public string DashboardDirectory { get; set; } = "src/Corridors.Dashboard/dist";

    /// <summary>
    /// The business date, <c>YYYY-MM-DD</c>: what "today" means for queries without an as-of date, for the metrics
    /// board and for data freshness. Empty (the default) means the UTC date of the machine's clock. Pinning it never
    /// affects wall time (deadlines, heartbeats): those always follow the real clock.
    /// </summary>
    public string BusinessDate { get; set; } = string.Empty;

    /// <summary>IP address both endpoints listen on. Default <c>127.0.0.1</c> (loopback only).</summary>
    [Required(AllowEmptyStrings = false)]
    public string ListenAddress { get; set; } = "127.0.0.1";

    /// <summary>TCP port of the HTTP/2 cleartext (h2c) endpoint for gRPC; 0 picks a free port. Default 50051.</summary>
    [Range(0, 65535)]
    public int GrpcPort { get; set; } = 50051;

    /// <summary>TCP port of the HTTP/1.1 endpoint for JSON transcoding (<c>/v1/…</c>) and gRPC-Web; 0 picks a free port. Default 50080.</summary>
    [Range(0, 65535)]
    public int HttpPort { get; set; } = 50080;

    /// <summary>Largest origins × destinations a ComputeMatrix request may ask for. Default and maximum 2,500 (the router's bound).</summary>
    [Range(1, CorridorRouter.MaxMatrixCells)]
    public int MaxMatrixCells { get; set; } = CorridorRouter.MaxMatrixCells;

    /// <summary>Most entries in a repeated request field (avoid lists, criteria, matrix sides). Default 256.</summary>
    [Range(1, 10_000)]
    public int MaxListItems { get; set; } = 256;

    /// <summary>Longest place name, id or code accepted, in characters. Default 200.</summary>
    [Range(1, 10_000)]
    public int MaxTextLength { get; set; } = 200;

    /// <summary>Default search radius of ResolvePlace by location, in km. Default 250.</summary>
    [Range(0.001, QueryLimits.MaxGreatCircleKm)]
    public double MaxSnapDistanceKm { get; set; } = 250;

    /// <summary>Most origin–destination pairs in one metrics request. Default 50.</summary>
    [Range(1, 1_000)]
    public int MaxMetricsPairs { get; set; } = 50;

    /// <summary>Seconds between heartbeats on WatchCorridorMetrics when nothing changed. Default 15.</summary>
    [Range(0.01, 3_600)]
    public double MetricsHeartbeatSeconds { get; set; } = 15;

    /// <summary>Largest request message accepted, in bytes; larger ones get RESOURCE_EXHAUSTED. Default 1 MiB.</summary>
    [Range(1_024, 64 * 1024 * 1024)]
    public int MaxRequestMessageBytes { get; set; } = 1024 * 1024;

    /// <summary>
    /// Number of CompareCorridors responses kept per network version (identical requests are answered from the
    /// cache; 0 turns it off). Default 1,024.
    /// </summary>
    [Range(0, 1_000_000)]
    public int ComparisonCacheEntries { get; set; } = 1_024;

    /// <summary>
    /// The metrics board answered when a metrics request names no pairs. Empty (the default) means
    /// <see cref="DefaultMetricsBoard"/>; configuring pairs replaces it.
    /// </summary>
    public List<MetricsPairOptions> MetricsBoard { get; set; } = [];

    /// <summary>The default board: the key China–Europe and Central Asian pairs dashboards watch.</summary>
    public static IReadOnlyList<MetricsPairOptions> DefaultMetricsBoard { get; } =
    [
        new() { Origin = "xian", Destination = "duisburg" },
        new() { Origin = "chongqing", Destination = "duisburg" },
        new() { Origin = "shanghai", Destination = "rotterdam" },
        new() { Origin = "kashgar", Destination = "tashkent" },
    ];

    /// <summary>The configured board, or the default one.</summary>
    public IReadOnlyList<MetricsPairOptions> EffectiveMetricsBoard => MetricsBoard.Count > 0 ? MetricsBoard : DefaultMetricsBoard;

    /// <summary>
    /// Requests per minute allowed to each API key (or, without a key, each client address) for the mutations and for
    /// the expensive queries (routes with alternatives, Pareto sets, matrices); over it a call gets RESOURCE_EXHAUSTED
    /// (gRPC) or 429 (JSON) with Retry-After.
    /// </summary>
    public RateLimitOptions RateLimits { get; set; } = new();

    /// <summary>The request limits these options set.</summary>
    public QueryLimits ToQueryLimits() => new(MaxMatrixCells, MaxListItems, MaxTextLength, MaxSnapDistanceKm, MaxMetricsPairs);
}

/// <summary>An origin–destination pair of the metrics board, by id, name, alias or UN/LOCODE.</summary>
public sealed class MetricsPairOptions
{
    [Required(AllowEmptyStrings = false)]
    public string Origin { get; set; } = string.Empty;

    [Required(AllowEmptyStrings = false)]
    public string Destination { get; set; } = string.Empty;
}

/// <summary>The two rate limits (<c>Corridors:RateLimits</c>).</summary>
public sealed class RateLimitOptions
{
    /// <summary>Scenario create, update and delete. Default 60 a minute, bursts of 20.</summary>
    public RateLimitRule Mutations { get; set; } = new() { PermitsPerMinute = 60, Burst = 20 };

    /// <summary>FindRoutes, FindParetoRoutes, ComputeMatrix. Default 600 a minute, bursts of 100.</summary>
    public RateLimitRule ExpensiveQueries { get; set; } = new() { PermitsPerMinute = 600, Burst = 100 };
}

/// <summary>A token bucket per caller: <see cref="Burst"/> calls at once, refilled at <see cref="PermitsPerMinute"/>.</summary>
public sealed class RateLimitRule
{
    /// <summary>Calls allowed per minute, sustained; at least 1.</summary>
    public int PermitsPerMinute { get; set; }

    /// <summary>Calls allowed at once after a quiet spell (the bucket's size); at least 1.</summary>
    public int Burst { get; set; }
}
