using System.Diagnostics;
using Grpc.Core;
using Grpc.Net.Client;

namespace Corridors.LoadTest;

/// <summary>The figures of one measured phase.</summary>
internal sealed record PhaseResult(string Name, int Calls, int Failures, TimeSpan Elapsed, double P50Ms, double P99Ms, string? FirstError)
{
    public double CallsPerSecond => Calls / Elapsed.TotalSeconds;

    /// <summary>Every answered call's latency in <see cref="Stopwatch"/> ticks, sorted.</summary>
    public long[] SortedTicks { get; init; } = [];

    /// <summary>Several runs of one method (alternating rounds) as one: calls and time added, percentiles over all calls.</summary>
    public static PhaseResult Merge(IReadOnlyList<PhaseResult> rounds)
    {
        ArgumentOutOfRangeException.ThrowIfZero(rounds.Count);
        long[] all = [.. rounds.SelectMany(r => r.SortedTicks)];
        Array.Sort(all);
        return new PhaseResult(rounds[0].Name, rounds.Sum(r => r.Calls), rounds.Sum(r => r.Failures), TimeSpan.FromTicks(rounds.Sum(r => r.Elapsed.Ticks)),
            LoadRunner.PercentileMs(all, 0.50), LoadRunner.PercentileMs(all, 0.99), rounds.Select(r => r.FirstError).FirstOrDefault(e => e is not null))
        {
            SortedTicks = all,
        };
    }
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
        return new PhaseResult(name, all.Length, failures, elapsed, PercentileMs(all, 0.50), PercentileMs(all, 0.99), firstError) { SortedTicks = all };
    }

    /// <summary>Nearest-rank percentile of sorted tick counts, in milliseconds.</summary>
    internal static double PercentileMs(long[] sortedTicks, double quantile)
    {
        if (sortedTicks.Length == 0)
        {
            return double.NaN;
        }

        int rank = (int)Math.Ceiling(quantile * sortedTicks.Length) - 1;
        return sortedTicks[Math.Clamp(rank, 0, sortedTicks.Length - 1)] * 1000.0 / Stopwatch.Frequency;
    }
}
