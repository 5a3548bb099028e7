using Corridors.Contracts.V1;
using Corridors.Server.Options;
using Google.Protobuf;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Corridors.Server.Services;

/// <summary>
/// Identical CompareCorridors requests on the same day under the same scenario revision get the same answer (the
/// router is deterministic, the network is loaded once and a scenario's overlay is fixed per id, version and
/// content), so the response is kept, keyed by the request's bytes, today's date and the scenario's
/// <see cref="Scenarios.RegisteredScenario.Revision"/>; an updated scenario has a new revision, so its old answers
/// are never served. At most <see cref="CorridorsServerOptions.ComparisonCacheEntries"/> answers are kept
/// (<see cref="MemoryCache"/> with a size limit): when it is full the least recently used leave, a tenth at a time,
/// and the rest stay. Errors are not cached. Cached messages are shared and never modified.
/// </summary>
public sealed class ComparisonCache : IDisposable
{
    private static readonly MemoryCacheEntryOptions OneEntry = new() { Size = 1 };

    private readonly MemoryCache? _entries;

    // One token per scenario revision with answers kept: cancelling it evicts all of them at once (MemoryCache's own
    // expiration tokens), without scanning the cache.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, CancellationTokenSource> _revisions = new(StringComparer.Ordinal);
    private readonly Metrics.CorridorsTelemetry? _telemetry;

    public ComparisonCache(IOptions<CorridorsServerOptions> options, Metrics.CorridorsTelemetry? telemetry = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _telemetry = telemetry;
        int capacity = options.Value.ComparisonCacheEntries;
        _entries = capacity == 0 ? null : new MemoryCache(new MemoryCacheOptions { SizeLimit = capacity, CompactionPercentage = 0.1 });
    }

    /// <summary>Answers kept now.</summary>
    public int Count => _entries?.Count ?? 0;

    /// <param name="scenarioRevision">The scenario's revision; null for the baseline.</param>
    public CompareCorridorsResponse GetOrAdd(CompareCorridorsRequest request, DateOnly today, string? scenarioRevision, Func<CompareCorridorsResponse> compute)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(compute);
        if (_entries is null)
        {
            return compute();
        }

        var key = (today, scenarioRevision ?? string.Empty, request.ToByteString());
        if (_entries.TryGetValue(key, out CompareCorridorsResponse? cached) && cached is not null)
        {
            _telemetry?.CacheLookup(hit: true);
            return cached;
        }

        _telemetry?.CacheLookup(hit: false);
        CompareCorridorsResponse response = compute();
        ComparisonBinding.KeepEncoded(response);
        _entries.Set(key, response, scenarioRevision is null ? OneEntry : EntryOf(scenarioRevision));
        return response;
    }

    /// <summary>
    /// Drops every answer kept for <paramref name="scenarioRevision"/>: its scenario was replaced or deleted (here or
    /// on another replica). They could never be served again — the new revision is another key — but would hold
    /// their room until the least recently used left.
    /// </summary>
    public void Forget(string scenarioRevision)
    {
        ArgumentNullException.ThrowIfNull(scenarioRevision);
        if (_revisions.TryRemove(scenarioRevision, out CancellationTokenSource? expire))
        {
            expire.Cancel();
            expire.Dispose();
        }
    }

    private MemoryCacheEntryOptions EntryOf(string scenarioRevision)
    {
        CancellationTokenSource expire = _revisions.GetOrAdd(scenarioRevision, _ => new CancellationTokenSource());
        var options = new MemoryCacheEntryOptions { Size = 1 };
        try
        {
            options.AddExpirationToken(new Microsoft.Extensions.Primitives.CancellationChangeToken(expire.Token));
        }
        catch (ObjectDisposedException)
        {
            // Forgotten meanwhile: keep the answer without a token; it is under a revision nobody asks for any more.
        }

        return options;
    }

    public void Dispose()
    {
        _entries?.Dispose();
        foreach (CancellationTokenSource expire in _revisions.Values)
        {
            expire.Dispose();
        }
    }
}
