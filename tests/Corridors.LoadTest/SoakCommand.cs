using System.Globalization;
using System.Text;
using Grpc.Core;

namespace Corridors.LoadTest;

/// <summary>
/// <c>soak</c>: starts the server (or targets one), runs <see cref="SoakRun"/>, prints the report as Markdown tables
/// and returns 0 only when there was no unexpected outcome and the server's RSS grew by at most
/// <see cref="MaxResidentGrowth"/> after the warm-up.
/// </summary>
internal static class SoakCommand
{
    /// <summary>The issue's bound on resident memory growth after warm-up.</summary>
    public const double MaxResidentGrowth = 0.10;

    private static readonly SoakMethod[] Unary =
    [
        SoakMethod.CompareCorridors, SoakMethod.FindRoutes, SoakMethod.FindParetoRoutes, SoakMethod.ComputeMatrix,
        SoakMethod.CreateScenario, SoakMethod.UpdateScenario, SoakMethod.UpdateScenarioStale, SoakMethod.DeleteScenario, SoakMethod.GetScenario,
    ];

    public static async Task<int> RunAsync(SoakOptions options)
    {
        ServerProcess? started = null;
        try
        {
            Uri address;
            int? pid;
            string key;
            bool limiterExpected;
            string serverNote;
            if (options.Server is null)
            {
                (started, address) = await ServerProcess.StartAsync(options.ServerDll, raiseRateLimits: !options.KeepRateLimits, options.ServerArguments).ConfigureAwait(false);
                pid = started.Pid;
                key = started.ApiKey;
                limiterExpected = options.KeepRateLimits;
                serverNote = options.KeepRateLimits
                    ? $"started by the soak, pid {pid}, default rate limits (the limiter's RESOURCE_EXHAUSTED counted as expected)"
                    : string.Create(CultureInfo.InvariantCulture, $"started by the soak, pid {pid}, both rate limits raised to {SoakOptions.RaisedPermitsPerMinute:N0}/min, burst {SoakOptions.RaisedPermitsPerMinute:N0}");
                if (options.ServerArguments.Count > 0)
                {
                    serverNote += ", " + string.Join(' ', options.ServerArguments);
                }
            }
            else
            {
                address = options.Server;
                pid = options.ServerPid;
                key = options.ApiKey ?? Environment.GetEnvironmentVariable("CORRIDORS_API_KEY")
                    ?? throw new ArgumentException("--server needs a writer key: --api-key KEY or CORRIDORS_API_KEY (corridors keys add --role writer --name soak)");
                limiterExpected = true;
                serverNote = pid is null ? "started by you, its rate limits apply (RESOURCE_EXHAUSTED from the limiter counted as expected); no --server-pid, so no RSS" : $"started by you, pid {pid}, its rate limits apply (RESOURCE_EXHAUSTED from the limiter counted as expected)";
            }

            string load = ReadLoadAverage();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"soak: {options.Clients} clients and {options.Watchers} Watch streams for {options.Duration.TotalSeconds:0.#} s against {address} ({serverNote}); seed {options.Seed}; load average before: {load}"));
            SoakResult result = await new SoakRun(options, address, pid, started?.HttpAddress, key, limiterExpected).RunAsync().ConfigureAwait(false);
            if (started is not null)
            {
                foreach (string problem in started.Problems)
                {
                    Console.WriteLine($"server log: {problem}");
                }
            }

            (string report, bool passed) = Report(options, result, started?.Problems.Count, ReadLoadAverage());
            Console.Write(report);
            return passed ? 0 : 1;
        }
        finally
        {
            started?.Dispose();
        }
    }

    private static (string Text, bool Passed) Report(SoakOptions options, SoakResult result, int? serverProblems, string loadAfter)
    {
        var text = new StringBuilder();
        void line(FormattableString value) => text.AppendLine(value.ToString(CultureInfo.InvariantCulture));
        SoakTally tally = result.Tally;
        double seconds = tally.Elapsed.TotalSeconds;

        line($"");
        line($"Workload: {SoakRun.ComparePercent} % CompareCorridors, {SoakRun.RoutesPercent} % FindRoutes (1–3 alternatives), {SoakRun.ParetoPercent} % FindParetoRoutes, {SoakRun.MatrixPercent} % ComputeMatrix 3×3, {SoakRun.WritePercent} % scenario writes with a writer key; requests drawn from {result.Workload.PairCount:N0} origin–destination pairs × {SoakWorkload.DayCount:N0} as-of dates × 8 regime sets × 4 cargo classes, baseline or one of 4 shipped + {options.WatchedScenarios} soak scenarios.");
        line($"{result.DistinctCompares:N0} of {result.Compares:N0} CompareCorridors requests were distinct ({(result.Compares == 0 ? 0 : (double)result.DistinctCompares / result.Compares):P1}): at most that many could be answered from the server's cache.");
        line($"Machine: {Environment.ProcessorCount} cores, .NET {Environment.Version}, {Environment.OSVersion}; load average (1, 5, 15 min) after the run: {loadAfter}.");
        (double? machine, double? server, double tool, double? others) = result.Cores;
        line($"CPU over the run, in cores busy on average: machine {Cores(machine)} of {Environment.ProcessorCount}, server {Cores(server)}, soak tool {tool:0.00}, everything else {Cores(others)}.");
        line($"");
        line($"| method | calls | calls/s | p50 ms | p99 ms | expected non-OK | unexpected |");
        line($"|---|---:|---:|---:|---:|---:|---:|");
        foreach (SoakMethod method in Unary.Append(SoakMethod.WatchCorridorMetrics).Append(SoakMethod.WatchPush))
        {
            MethodFigures f = tally.Figures(method);
            if (f.Timed + f.ExpectedNonOk + f.Unexpected == 0 && method == SoakMethod.GetScenario)
            {
                continue;
            }

            line($"| {Label(method)} | {f.Timed:N0} | {f.CallsPerSecond:N1} | {Ms(f.P50Ms)} | {Ms(f.P99Ms)} | {f.ExpectedNonOk:N0} | {f.Unexpected:N0} |");
        }

        var unaryFigures = Unary.Select(tally.Figures).ToList();
        line($"| **all unary calls** | {unaryFigures.Sum(f => f.Timed):N0} | {unaryFigures.Sum(f => f.Timed) / seconds:N1} | | | {unaryFigures.Sum(f => f.ExpectedNonOk):N0} | {unaryFigures.Sum(f => f.Unexpected):N0} |");
        line($"");
        line($"Latency is measured by the client from send to the whole response, on the same 2 cores as the server, for successful calls only — except the stale update (its expected ABORTED), WatchCorridorMetrics (open → first metrics message) and Watch pushes (the last update sent to the stream's scenario → the metrics message). Calls/s over the {seconds:0.0} s of load.");
        line($"");
        line($"| method | status | count | expected? |");
        line($"|---|---|---:|---|");
        foreach ((CallOutcome outcome, int count, string? detail) in tally.Outcomes)
        {
            string verdict = SoakTally.IsExpected(outcome)
                ? outcome.ExpectedBecause is { } because ? $"expected: {because}" : "expected"
                : $"**UNEXPECTED**{(detail is null ? string.Empty : $": {detail}")}";
            line($"| {Label(outcome.Method)} | {StatusName(outcome.Status)} | {count:N0} | {verdict} |");
        }

        line($"");
        int scenarioStreams = options.Watchers - result.BaselineStreams;
        line($"Watch: {options.Watchers} streams ({result.BaselineStreams} on the baseline, {scenarioStreams} on {options.WatchedScenarios} soak scenarios), {result.StreamsOpenAtEnd} open when the soak closed them; {result.ScenarioUpdates:N0} updates of the watched scenarios gave {tally.Figures(SoakMethod.WatchPush).Timed:N0} pushes (latest-wins per stream, so a burst of updates may give one push); {result.SilentStreams} scenario streams got no push; {result.Heartbeats:N0} heartbeats.");

        bool memoryPassed = true;
        if (result.Resident.Count > 0)
        {
            (double atSeconds, long warmKib) = result.Resident.FirstOrDefault(s => s.Seconds >= options.Warmup.TotalSeconds, result.Resident[^1]);
            (double endSeconds, long endKib) = result.Resident[^1];
            long peakKib = result.Resident.Where(s => s.Seconds >= atSeconds).Max(s => s.Kib);
            double growth = ((double)endKib / warmKib) - 1;
            memoryPassed = growth <= MaxResidentGrowth;
            line($"");
            line($"| server resident memory (VmRSS) | MiB |");
            line($"|---|---:|");
            line($"| after warm-up ({atSeconds:0} s) | {warmKib / 1024.0:0.0} |");
            line($"| at the end ({endSeconds:0} s) | {endKib / 1024.0:0.0} |");
            line($"| peak after warm-up | {peakKib / 1024.0:0.0} |");
            line($"| growth after warm-up | {growth:+0.0 %;-0.0 %} (bound +{MaxResidentGrowth:0 %}) |");
            line($"");
            text.Append("RSS every 5 s (MiB):");
            foreach ((double at, long kib) in result.Resident.Where((_, i) => i % 5 == 4 || i == 0))
            {
                text.Append(CultureInfo.InvariantCulture, $" {at:0}s {kib / 1024.0:0}");
            }

            text.AppendLine();
            if (result.HeapTimeline.Count > 0)
            {
                text.Append("GC heap after the last collection, every 5 s (MiB):");
                foreach ((double at, long bytes) in result.HeapTimeline)
                {
                    text.Append(CultureInfo.InvariantCulture, $" {at:0}s {bytes / 1048576.0:0}");
                }

                text.AppendLine();
            }

            if (result.GcAfterWarmup is { } warm && result.GcAtEnd is { } end)
            {
                line($"Server GC (its /metrics): heap after the last collection {warm.HeapBytes / 1048576.0:0.0} → {end.HeapBytes / 1048576.0:0.0} MiB, committed by the GC {warm.CommittedBytes / 1048576.0:0.0} → {end.CommittedBytes / 1048576.0:0.0} MiB, gen2 collections {warm.Gen2Collections} → {end.Gen2Collections} (after warm-up → end); GC mode {Environment.GetEnvironmentVariable("DOTNET_gcServer") switch { "0" => "workstation (DOTNET_gcServer=0)", "1" => "server (DOTNET_gcServer=1)", _ => "the server's default" }}.");
            }
        }
        else
        {
            line($"");
            line($"Server RSS not measured (no process id: pass --server-pid, or let the soak start the server).");
        }

        int unexpected = tally.UnexpectedCount;
        line($"");
        if (serverProblems is { } problems)
        {
            line($"Server log: {problems} warning/error entries during the soak{(problems > 0 ? " (printed above)" : string.Empty)}.");
        }

        line($"Unexpected outcomes: {unexpected} ({(unexpected == 0 ? "met" : "NOT met")}); RSS growth after warm-up ≤ {MaxResidentGrowth:0 %}: {(result.Resident.Count == 0 ? "not measured" : memoryPassed ? "met" : "NOT met")}.");
        return (text.ToString(), unexpected == 0 && memoryPassed);
    }

    private static string Label(SoakMethod method) => method switch
    {
        SoakMethod.FindRoutes => "FindRoutes (1–3 alternatives)",
        SoakMethod.ComputeMatrix => "ComputeMatrix (3×3)",
        SoakMethod.UpdateScenarioStale => "UpdateScenario, stale version on purpose",
        SoakMethod.GetScenario => "GetScenario (resync after a failed write)",
        SoakMethod.WatchCorridorMetrics => "WatchCorridorMetrics (stream open)",
        SoakMethod.WatchPush => "Watch push after an update",
        _ => method.ToString(),
    };

    private static string StatusName(StatusCode status) => status switch
    {
        StatusCode.OK => "OK",
        StatusCode.ResourceExhausted => "RESOURCE_EXHAUSTED",
        StatusCode.InvalidArgument => "INVALID_ARGUMENT",
        StatusCode.NotFound => "NOT_FOUND",
        StatusCode.AlreadyExists => "ALREADY_EXISTS",
        StatusCode.FailedPrecondition => "FAILED_PRECONDITION",
        StatusCode.DeadlineExceeded => "DEADLINE_EXCEEDED",
        StatusCode.PermissionDenied => "PERMISSION_DENIED",
        _ => status.ToString().ToUpperInvariant(),
    };

    private static string Ms(double value) => double.IsNaN(value) ? "—" : value.ToString(value < 10 ? "0.00" : "0.0", CultureInfo.InvariantCulture);

    private static string Cores(double? value) => value is { } v ? v.ToString("0.00", CultureInfo.InvariantCulture) : "n/a";

    private static string ReadLoadAverage()
    {
        try
        {
            return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "n/a";
        }
    }
}
