namespace Corridors.LoadTest;

/// <summary>
/// The server's garbage-collected heap as its own <c>/metrics</c> (Prometheus, System.Runtime meter) reports it: the
/// heap after the last collection (all generations), the memory the GC has committed, and the gen2 collections so
/// far. Beside VmRSS it tells live data (what a leak would grow) from memory the GC holds for its own reasons.
/// </summary>
internal sealed record GcFigures(long HeapBytes, long CommittedBytes, long Gen2Collections)
{
    private const string Heap = "dotnet_gc_last_collection_heap_size_bytes{";
    private const string Committed = "dotnet_gc_last_collection_memory_committed_size_bytes{";
    private const string Collections = "dotnet_gc_collections_total{";

    /// <summary>The figures from <c>/metrics</c> at <paramref name="httpAddress"/>; null when it does not answer or lacks them.</summary>
    public static async Task<GcFigures?> ScrapeAsync(HttpClient http, Uri httpAddress)
    {
        ArgumentNullException.ThrowIfNull(http);
        (string? text, _) = await PrometheusText.FetchAsync(http, httpAddress).ConfigureAwait(false);
        if (text is null)
        {
            return null;
        }

        long heap = 0, committed = 0, gen2 = 0;
        bool found = false;
        foreach (string line in text.Split('\n'))
        {
            if (line.StartsWith(Heap, StringComparison.Ordinal))
            {
                heap += Value(line);
                found = true;
            }
            else if (line.StartsWith(Committed, StringComparison.Ordinal))
            {
                committed = Value(line);
            }
            else if (line.StartsWith(Collections, StringComparison.Ordinal) && line.Contains("\"gen2\"", StringComparison.Ordinal))
            {
                gen2 = Value(line);
            }
        }

        return found ? new GcFigures(heap, committed, gen2) : null;
    }

    private static long Value(string line) => (long)(PrometheusText.SampleValue(line) ?? 0);
}
