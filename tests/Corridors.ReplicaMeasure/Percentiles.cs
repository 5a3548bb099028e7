namespace Corridors.ReplicaMeasure;

/// <summary>Nearest-rank percentiles of a sample, in milliseconds.</summary>
internal static class Percentiles
{
    public static double Of(IReadOnlyList<double> sortedMs, double percent)
    {
        ArgumentOutOfRangeException.ThrowIfZero(sortedMs.Count);
        int rank = (int)Math.Ceiling(percent / 100 * sortedMs.Count);
        return sortedMs[Math.Clamp(rank, 1, sortedMs.Count) - 1];
    }
}
