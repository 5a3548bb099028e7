using System.Collections.Concurrent;
using Corridors.Contracts.V1;
using Corridors.Server.Options;
using Google.Protobuf;
using Microsoft.Extensions.Options;

namespace Corridors.Server.Services;

/// <summary>
/// Identical CompareCorridors requests on the same day under the same scenario revision get the same answer (the
/// router is deterministic, the network is loaded once and a scenario's overlay is fixed per id, version and
/// content), so the response is kept, keyed by the request's bytes, today's date and the scenario's
/// <see cref="Scenarios.RegisteredScenario.Revision"/>; an updated scenario has a new revision, so its old answers
/// are never served. Bounded by
/// <see cref="CorridorsServerOptions.ComparisonCacheEntries"/>: when full it is emptied, not grown. Errors are not
/// cached. Cached messages are shared and never modified.
/// </summary>
public sealed class ComparisonCache(IOptions<CorridorsServerOptions> options)
{
    private readonly ConcurrentDictionary<(DateOnly Today, string Scenario, ByteString Request), CompareCorridorsResponse> _entries = new();
    private readonly int _capacity = options.Value.ComparisonCacheEntries;

    public int Count => _entries.Count;

    /// <param name="scenarioRevision">The scenario's revision; null for the baseline.</param>
    public CompareCorridorsResponse GetOrAdd(CompareCorridorsRequest request, DateOnly today, string? scenarioRevision, Func<CompareCorridorsResponse> compute)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(compute);
        if (_capacity == 0)
        {
            return compute();
        }

        var key = (today, scenarioRevision ?? string.Empty, request.ToByteString());
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
