using System.Diagnostics;
using Grpc.Core;

namespace Corridors.LoadTest;

/// <summary>What the soak measures; each row of the report is one.</summary>
internal enum SoakMethod
{
    CompareCorridors,
    FindRoutes,
    FindParetoRoutes,
    ComputeMatrix,
    CreateScenario,
    UpdateScenario,

    /// <summary>An update sent with a version one behind on purpose: ABORTED is the expected answer, OK would be a bug.</summary>
    UpdateScenarioStale,
    DeleteScenario,

    /// <summary>Read back after an unexpected write failure, to learn the scenario's version again.</summary>
    GetScenario,

    /// <summary>A stream: latency is open → first metrics message; OK means it stayed open until the soak closed it.</summary>
    WatchCorridorMetrics,

    /// <summary>A metrics message on a stream after an update of its scenario: latency is from the update's send.</summary>
    WatchPush,
}

/// <summary>How a call ended: OK, an expected refusal (with why it is expected), or anything else.</summary>
internal readonly record struct CallOutcome(SoakMethod Method, StatusCode Status, string? ExpectedBecause);

/// <summary>
/// One client's (or watcher's) figures: latencies of successful calls per method and the count of every outcome.
/// Not shared between tasks while the soak runs; merged at the end.
/// </summary>
internal sealed class SoakRecorder
{
    private readonly List<long>[] _latencies = [.. Enum.GetValues<SoakMethod>().Select(_ => new List<long>())];

    public Dictionary<CallOutcome, int> Outcomes { get; } = [];

    /// <summary>The first detail seen for each unexpected outcome.</summary>
    public Dictionary<CallOutcome, string> FirstDetail { get; } = [];

    public IReadOnlyList<long> LatencyTicks(SoakMethod method) => _latencies[(int)method];

    public void Ok(SoakMethod method, long ticks)
    {
        Latency(method, ticks);
        Count(new CallOutcome(method, StatusCode.OK, null), null);
    }

    /// <summary>A latency without an outcome (the stale update's expected ABORTED, a Watch push).</summary>
    public void Latency(SoakMethod method, long ticks) => _latencies[(int)method].Add(ticks);

    public void Count(CallOutcome outcome, string? detail)
    {
        Outcomes[outcome] = Outcomes.GetValueOrDefault(outcome) + 1;
        if (detail is not null && outcome.ExpectedBecause is null)
        {
            FirstDetail.TryAdd(outcome, detail);
        }
    }
}

/// <summary>
/// The merged figures of one method: <see cref="Timed"/> calls (successes; for the stale update its expected ABORTED,
/// for Watch the opens, for pushes the pushes) with their rate and percentiles, the expected non-OK outcomes and the
/// unexpected ones.
/// </summary>
internal sealed record MethodFigures(SoakMethod Method, int Timed, int ExpectedNonOk, int Unexpected, double CallsPerSecond, double P50Ms, double P99Ms);

/// <summary>All recorders merged, with percentiles.</summary>
internal sealed class SoakTally
{
    private readonly List<SoakRecorder> _recorders;

    public SoakTally(IEnumerable<SoakRecorder> recorders, TimeSpan elapsed)
    {
        _recorders = [.. recorders];
        Elapsed = elapsed;
    }

    public TimeSpan Elapsed { get; }

    public IEnumerable<(CallOutcome Outcome, int Count, string? FirstDetail)> Outcomes =>
        _recorders.SelectMany(r => r.Outcomes)
            .GroupBy(o => o.Key)
            .OrderBy(g => g.Key.Method).ThenBy(g => g.Key.Status)
            .Select(g => (g.Key, g.Sum(o => o.Value), _recorders.Select(r => r.FirstDetail.GetValueOrDefault(g.Key)).FirstOrDefault(d => d is not null)));

    public int UnexpectedCount => Outcomes.Where(o => !IsExpected(o.Outcome)).Sum(o => o.Count);

    /// <summary>
    /// OK is expected except where it signals a bug (a stale update accepted, a stream the server ended by itself);
    /// any other status only when the call site said why.
    /// </summary>
    public static bool IsExpected(CallOutcome outcome) => outcome.Status == StatusCode.OK
        ? outcome.Method is not (SoakMethod.UpdateScenarioStale or SoakMethod.WatchCorridorMetrics)
        : outcome.ExpectedBecause is not null;

    public MethodFigures Figures(SoakMethod method)
    {
        long[] ticks = [.. _recorders.SelectMany(r => r.LatencyTicks(method))];
        Array.Sort(ticks);
        var outcomes = Outcomes.Where(o => o.Outcome.Method == method).ToList();
        int expected = outcomes.Where(o => o.Outcome.Status != StatusCode.OK && IsExpected(o.Outcome)).Sum(o => o.Count);
        int unexpected = outcomes.Where(o => !IsExpected(o.Outcome)).Sum(o => o.Count);
        return new MethodFigures(method, ticks.Length, expected, unexpected, ticks.Length / Elapsed.TotalSeconds, PercentileMs(ticks, 0.50), PercentileMs(ticks, 0.99));
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
