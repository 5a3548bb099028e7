namespace Corridors.LoadTest;

/// <summary>
/// The server's CompareCorridors cache lookups so far, from its <c>/metrics</c>:
/// <c>corridors_comparison_cache_lookups_total{result="hit"|"miss"}</c> (CorridorsTelemetry), summed over any other
/// labels. Two readings, before and after a phase, give that phase's hit ratio.
/// </summary>
internal sealed record CacheCounters(long Hits, long Misses)
{
    public const string MetricName = "corridors_comparison_cache_lookups_total";

    public long Lookups => Hits + Misses;

    /// <summary>hits / (hits + misses); null when there was no lookup (for instance with the server's cache off, which counts none).</summary>
    public double? HitRatio => Lookups == 0 ? null : (double)Hits / Lookups;

    /// <summary>
    /// The counters on a Prometheus page; zero when the page has no such sample yet (the exporter writes a counter only
    /// once it has counted something, and a server with its cache off never counts).
    /// </summary>
    public static CacheCounters Parse(string page)
    {
        ArgumentNullException.ThrowIfNull(page);
        long hits = 0, misses = 0;
        foreach (string line in page.Split('\n'))
        {
            if (!line.StartsWith(MetricName + "{", StringComparison.Ordinal) || PrometheusText.SampleValue(line) is not { } value)
            {
                continue;
            }

            if (line.Contains("result=\"hit\"", StringComparison.Ordinal))
            {
                hits += (long)value;
            }
            else if (line.Contains("result=\"miss\"", StringComparison.Ordinal))
            {
                misses += (long)value;
            }
        }

        return new CacheCounters(hits, misses);
    }

    /// <summary>The lookups between <paramref name="earlier"/> and this reading.</summary>
    public CacheCounters Since(CacheCounters earlier)
    {
        ArgumentNullException.ThrowIfNull(earlier);
        return new CacheCounters(Hits - earlier.Hits, Misses - earlier.Misses);
    }
}
