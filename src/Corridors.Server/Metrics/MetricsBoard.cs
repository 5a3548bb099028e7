using System.Collections.Concurrent;
using System.Diagnostics;
using Corridors.Application.Mapping;
using Corridors.Application.Queries;
using Corridors.Contracts.V1;
using Corridors.Domain.Dates;
using Place = Corridors.Domain.Network.Place;
using Corridors.Server.Logging;
using Corridors.Server.Networks;
using Corridors.Server.Options;
using Corridors.Server.Scenarios;
using Google.Protobuf.WellKnownTypes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Corridors.Server.Metrics;

/// <summary>
/// Corridor metrics for dashboards, cheap to poll: answers are cached per data version and per board (set of
/// pairs). The version names everything a figure depends on — the network files, the scenario ("s0" for the
/// baseline, else the scenario's <see cref="RegisteredScenario.Revision"/>) and the as-of date (the business date of the
/// injected <see cref="BusinessCalendar"/>) — so it changes exactly when figures may change. Concurrent requests for the same board and version compute
/// it once.
/// </summary>
public sealed class MetricsBoard(
    LoadedNetwork loaded,
    IOptions<CorridorsServerOptions> options,
    BusinessCalendar calendar,
    TimeProvider clock,
    ILogger<MetricsBoard> logger)
{
    /// <summary>The scenario part of the baseline's version.</summary>
    public const string BaselineScenarioPart = "s0";

    /// <summary>Most boards cached at once; past it the least recently used tenth leave (boards are few in practice).</summary>
    internal const int MaxCachedBoards = 256;

    private readonly ConcurrentDictionary<string, CachedBoard> _cache = new(StringComparer.Ordinal);
    private long _uses;

    /// <summary>Boards cached now.</summary>
    internal int CachedBoards => _cache.Count;

    /// <summary>The as-of date metrics are computed for: today's business date.</summary>
    public DateOnly Today => calendar.Today;

    /// <summary>The baseline's version: <c>{network}-s0-{yyyyMMdd}</c>, e.g. <c>3f9a1c02b7de-s0-20261129</c>.</summary>
    public string CurrentVersion => VersionOn(Today, null);

    /// <summary>
    /// The version under a scenario (null: the baseline): <c>{network}-{scenario}-{yyyyMMdd}</c>, e.g.
    /// <c>3f9a1c02b7de-red-sea-closed.v1.0c1d2e3f-20261129</c>.
    /// </summary>
    public string VersionFor(RegisteredScenario? scenario) => VersionOn(Today, scenario);

    /// <summary>How current the sanction data is on today's business date.</summary>
    public DataFreshness Freshness => ResponseWriter.ToProto(loaded.Queries.Router.Freshness);

    /// <summary>Wall time until the version next changes by itself (the business date's next change); null when the date is pinned.</summary>
    public TimeSpan? UntilNextDate => calendar.UntilNextDay;

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

    /// <summary>The metrics of the pairs at the current version under <paramref name="scenario"/> (null: the baseline), from the cache when computed before.</summary>
    public GetCorridorMetricsResponse Get(IReadOnlyList<(Place Origin, Place Destination)> pairs, RegisteredScenario? scenario, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        DateOnly today = Today;
        string version = VersionOn(today, scenario);
        string key = version + "|" + string.Join(";", pairs.Select(p => p.Origin.Id.Value + ">" + p.Destination.Id.Value));
        if (_cache.TryGetValue(key, out CachedBoard? cached) && cached.Answer.IsValueCreated)
        {
            cached.LastUse = Interlocked.Increment(ref _uses);
            return cached.Answer.Value;
        }

        if (_cache.Count >= MaxCachedBoards)
        {
            EvictLeastRecentlyUsed();
        }

        // One computation per key however many watchers wake at once; a failed one (cancelled) is not kept.
        CachedBoard entry = _cache.GetOrAdd(key, _ => new CachedBoard(new Lazy<GetCorridorMetricsResponse>(
            () => Compute(pairs, scenario, today, version, cancellationToken), LazyThreadSafetyMode.ExecutionAndPublication)));
        entry.LastUse = Interlocked.Increment(ref _uses);
        try
        {
            return entry.Answer.Value;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // Another caller's computation was cancelled: compute again under this caller's token.
            _cache.TryRemove(new KeyValuePair<string, CachedBoard>(key, entry));
            return Get(pairs, scenario, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            _cache.TryRemove(new KeyValuePair<string, CachedBoard>(key, entry));
            throw;
        }
    }

    private void EvictLeastRecentlyUsed()
    {
        // ToArray is the dictionary's own snapshot under its locks. LINQ straight over it reads Count, then copies into an
        // array of that size: an entry removed in between leaves a default pair (null Value) and the key selector threw
        // NullReferenceException — a Watch stream ended with INTERNAL in the soak (tests/Corridors.LoadTest).
        foreach (KeyValuePair<string, CachedBoard> stale in _cache.ToArray().OrderBy(e => e.Value.LastUse).Take(Math.Max(1, MaxCachedBoards / 10)).ToList())
        {
            _cache.TryRemove(stale);
        }
    }

    private GetCorridorMetricsResponse Compute(
        IReadOnlyList<(Place Origin, Place Destination)> pairs, RegisteredScenario? scenario, DateOnly today, string version, CancellationToken cancellationToken)
    {
        long started = Stopwatch.GetTimestamp();
        var response = new GetCorridorMetricsResponse
        {
            Version = version,
            AsOf = ProtoDates.ToText(today),
            ComputedAt = Timestamp.FromDateTimeOffset(clock.GetUtcNow()),
            ScenarioId = scenario?.Id ?? string.Empty,
            DataFreshness = Freshness,
        };
        foreach ((Place origin, Place destination) in pairs)
        {
            response.Pairs.Add(loaded.Queries.PairMetrics(origin, destination, today, scenario?.Overlay, cancellationToken));
        }

        long elapsedMs = (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        Log.MetricsComputed(logger, version, pairs.Count, elapsedMs);
        return response;
    }

    private string VersionOn(DateOnly date, RegisteredScenario? scenario) =>
        $"{loaded.Version}-{scenario?.Revision ?? BaselineScenarioPart}-{date.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture)}";

    private sealed class CachedBoard(Lazy<GetCorridorMetricsResponse> answer)
    {
        public Lazy<GetCorridorMetricsResponse> Answer { get; } = answer;

        /// <summary>When it was last asked for, as a count of uses (a clock no test has to move).</summary>
        public long LastUse { get; set; }
    }
}
