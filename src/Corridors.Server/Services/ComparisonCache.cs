using System.Collections.Concurrent;
using Corridors.Contracts.V1;
using Corridors.Server.Options;
using Google.Protobuf;
using Microsoft.Extensions.Options;

namespace Corridors.Server.Services;

/// <summary>
/// Identical CompareCorridors requests on the same day get the same answer (the router is deterministic and the
/// network is loaded once), so the response is kept, keyed by the request's bytes and today's date. Bounded by
/// <see cref="CorridorsServerOptions.ComparisonCacheEntries"/>: when full it is emptied, not grown. Errors are not
/// cached. Cached messages are shared and never modified.
/// </summary>
public sealed class ComparisonCache(IOptions<CorridorsServerOptions> options)
{
    private readonly ConcurrentDictionary<(DateOnly Today, ByteString Request), CompareCorridorsResponse> _entries = new();
    private readonly int _capacity = options.Value.ComparisonCacheEntries;

    public int Count => _entries.Count;

    public CompareCorridorsResponse GetOrAdd(CompareCorridorsRequest request, DateOnly today, Func<CompareCorridorsResponse> compute)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(compute);
        if (_capacity == 0)
        {
            return compute();
        }

        var key = (today, request.ToByteString());
        if (_entries.TryGetValue(key, out CompareCorridorsResponse? cached))
        {
            return cached;
        }

        CompareCorridorsResponse response = compute();
        if (_entries.Count >= _capacity)
        {
            _entries.Clear();
        }

        _entries[key] = response;
        return response;
    }
}
