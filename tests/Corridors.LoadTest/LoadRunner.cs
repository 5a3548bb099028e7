using System.Diagnostics;
using Grpc.Core;
using Grpc.Net.Client;

namespace Corridors.LoadTest;

/// <summary>The figures of one measured phase.</summary>
internal sealed record PhaseResult(string Name, int Calls, int Failures, TimeSpan Elapsed, double P50Ms, double P99Ms, string? FirstError)
{
    public double CallsPerSecond => Calls / Elapsed.TotalSeconds;
}

/// <summary>
/// Runs one method from N clients at once, each on its own channel (its own HTTP/2 connection), either until a
/// shared call budget is spent or until a duration has passed. Latency is measured per call with
/// <see cref="Stopwatch"/> timestamps.
/// </summary>
internal static class LoadRunner
{
    public static async Task<PhaseResult> RunAsync(
        string name,
        IReadOnlyList<GrpcChannel> channels,
        Func<GrpcChannel, CancellationToken, Task> call,
        int? callBudget,
        TimeSpan? duration)
    {
        int remaining = callBudget ?? int.MaxValue;
        using var stop = new CancellationTokenSource();
        if (duration is { } limit)
        {
            stop.CancelAfter(limit);
        }

        var latencies = new List<long>[channels.Count];
        int failures = 0;
        string? firstError = null;
        long started = Stopwatch.GetTimestamp();
        Task[] clients = [.. channels.Select((channel, index) => Task.Run(async () =>
        {
            var own = new List<long>(callBudget is null ? 4096 : (callBudget.Value / channels.Count) + 1);
            latencies[index] = own;
            while (!stop.IsCancellationRequested && Interlocked.Decrement(ref remaining) >= 0)
            {
                long before = Stopwatch.GetTimestamp();
                try
                {
                    await call(channel, CancellationToken.None).ConfigureAwait(false);
                    own.Add(Stopwatch.GetTimestamp() - before);
                }
                catch (RpcException exception)
                {
                    Interlocked.Increment(ref failures);
                    Interlocked.CompareExchange(ref firstError, exception.Status.ToString(), null);
                }
            }
        }))];
        await Task.WhenAll(clients).ConfigureAwait(false);
        TimeSpan elapsed = Stopwatch.GetElapsedTime(started);

        long[] all = [.. latencies.SelectMany(l => l)];
        Array.Sort(all);
        return new PhaseResult(name, all.Length, failures, elapsed, PercentileMs(all, 0.50), PercentileMs(all, 0.99), firstError);
    }

    /// <summary>Nearest-rank percentile of sorted tick counts, in milliseconds.</summary>
    private static double PercentileMs(long[] sortedTicks, double quantile)
    {
        if (sortedTicks.Length == 0)
        {
            return double.NaN;
        }

        int rank = (int)Math.Ceiling(quantile * sortedTicks.Length) - 1;
        return sortedTicks[Math.Clamp(rank, 0, sortedTicks.Length - 1)] * 1000.0 / Stopwatch.Frequency;
    }
}
