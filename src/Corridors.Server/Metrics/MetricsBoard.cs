using System.Collections.Concurrent;
using System.Diagnostics;
using Corridors.Contracts.Mapping;
using Corridors.Contracts.V1;
using Place = Corridors.Domain.Network.Place;
using Corridors.Server.Logging;
using Corridors.Server.Networks;
using Corridors.Server.Options;
using Google.Protobuf.WellKnownTypes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Corridors.Server.Metrics;

/// <summary>
/// Corridor metrics for dashboards, cheap to poll: answers are cached per data version and per board (set of
/// pairs). The version names everything a figure depends on — the network files, the scenario (none yet: "s0") and
/// the as-of date (today by the injected clock) — so it changes exactly when figures may change.
/// </summary>
public sealed class MetricsBoard(
    LoadedNetwork loaded,
    IOptions<CorridorsServerOptions> options,
    TimeProvider clock,
    ILogger<MetricsBoard> logger)
{
    /// <summary>Scenario version until scenarios exist; part of <see cref="CurrentVersion"/>.</summary>
    public const string ScenarioVersion = "s0";

    /// <summary>Most boards cached at once; the cache is emptied past it (boards are few in practice).</summary>
    private const int MaxCachedBoards = 256;

    private readonly ConcurrentDictionary<string, GetCorridorMetricsResponse> _cache = new(StringComparer.Ordinal);

    /// <summary>The as-of date metrics are computed for: today (UTC) by the injected clock.</summary>
    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    /// <summary><c>{network}-{scenario}-{yyyyMMdd}</c>, e.g. <c>3f9a1c02b7de-s0-20261129</c>.</summary>
    public string CurrentVersion => VersionOn(Today);

    /// <summary>Time until the version next changes by itself (the next UTC midnight), never less than 1 ms.</summary>
    public TimeSpan UntilNextDate
    {
        get
        {
            DateTimeOffset now = clock.GetUtcNow();
            DateTimeOffset midnight = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero).AddDays(1);
            return TimeSpan.FromTicks(Math.Max(TimeSpan.TicksPerMillisecond, (midnight - now).Ticks));
        }
    }

    /// <summary>The request's pairs resolved, or the board's when it names none.</summary>
    public ContractResult<IReadOnlyList<(Place Origin, Place Destination)>> ResolvePairs(IReadOnlyList<OdPair> pairs)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        if (pairs.Count > 0)
        {
            return loaded.Queries.ResolvePairs(pairs);
        }

        OdPair[] board = [.. options.Value.EffectiveMetricsBoard.Select(p => new OdPair { Origin = p.Origin, Destination = p.Destination })];
        return loaded.Queries.ResolvePairs(board);
    }

    /// <summary>The metrics of the pairs at the current version, from the cache when computed before.</summary>
    public GetCorridorMetricsResponse Get(IReadOnlyList<(Place Origin, Place Destination)> pairs, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        DateOnly today = Today;
        string version = VersionOn(today);
        string key = version + "|" + string.Join(";", pairs.Select(p => p.Origin.Id.Value + ">" + p.Destination.Id.Value));
        if (_cache.TryGetValue(key, out GetCorridorMetricsResponse? cached))
        {
            return cached;
        }

        long started = Stopwatch.GetTimestamp();
        var response = new GetCorridorMetricsResponse
        {
            Version = version,
            AsOf = ProtoDates.ToText(today),
            ComputedAt = Timestamp.FromDateTimeOffset(clock.GetUtcNow()),
        };
        foreach ((Place origin, Place destination) in pairs)
        {
            response.Pairs.Add(loaded.Queries.PairMetrics(origin, destination, today, cancellationToken));
        }

        long elapsedMs = (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        Log.MetricsComputed(logger, version, pairs.Count, elapsedMs);
        if (_cache.Count >= MaxCachedBoards || _cache.Keys.Any(k => !k.StartsWith(version + "|", StringComparison.Ordinal)))
        {
            _cache.Clear();
        }

        _cache[key] = response;
        return response;
    }

    private string VersionOn(DateOnly date) =>
        $"{loaded.Version}-{ScenarioVersion}-{date.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture)}";
}
