using System.Diagnostics;
using System.Runtime.InteropServices;
using Corridors.Fuzzing;
using SharpFuzz;

// Corridors.Fuzz TARGET [--repository DIR]                 under afl-fuzz: one input per run on standard input
// Corridors.Fuzz TARGET --replay DIR [--repository DIR]    every file of DIR in-process; exit 1 if any crashed
// TARGET is geojson, scenario or measures; the repository (default: the current folder) gives networks/ and the
// GeoJSON target's fixture. See README.md beside this file.

string usage = $"usage: Corridors.Fuzz {string.Join("|", LoaderHarnesses.Targets)} [--replay DIR] [--repository DIR]";

if (args.Length == 0 || !LoaderHarnesses.Targets.Contains(args[0]))
{
    Console.Error.WriteLine(usage);
    return ExitCodes.Usage;
}

string target = args[0];
string? replay = null;
string repository = ".";
for (int i = 1; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--replay" when i + 1 < args.Length:
            replay = args[++i];
            break;
        case "--repository" when i + 1 < args.Length:
            repository = args[++i];
            break;
        default:
            Console.Error.WriteLine($"unknown or incomplete option '{args[i]}'");
            Console.Error.WriteLine(usage);
            return ExitCodes.Usage;
    }
}

if (!Directory.Exists(Path.Combine(repository, LoaderHarnesses.NetworksFolder)))
{
    Console.Error.WriteLine($"no {LoaderHarnesses.NetworksFolder} folder in '{Path.GetFullPath(repository)}' (give --repository DIR)");
    return ExitCodes.Usage;
}

// Instrumented code (Corridors.Domain.dll after sharpfuzz) counts its branches through SharpFuzz's trace pointer,
// which Fuzzer.OutOfProcess.Run points at afl-fuzz's shared memory. Until then (loading the baseline below, or a
// replay) it is null: point it at a scratch map of our own, or the first branch writes through a null pointer.
CoverageMap.UseScratch();

// Loaded before the fork server starts, so that no input's coverage includes loading the baseline.
using ILoaderHarness harness = LoaderHarnesses.Create(target, repository);

if (replay is not null)
{
    return Replay.Run(harness, replay);
}

Fuzzer.OutOfProcess.Run(stream =>
{
    using var buffer = new MemoryStream();
    stream.CopyTo(buffer);
    harness.Run(buffer.ToArray());
});
return 0;

/// <summary>Runs every file of a folder through the harness in-process and reports each crash with its stack trace.</summary>
internal static class Replay
{
    public static int Run(ILoaderHarness harness, string folder)
    {
        if (!Directory.Exists(folder))
        {
            Console.Error.WriteLine($"replay folder '{folder}' does not exist");
            return ExitCodes.Usage;
        }

        int loaded = 0, rejected = 0, crashed = 0;
        (string File, double Ms) slowest = ("", 0);
        foreach (string file in Directory.EnumerateFiles(folder).Order(StringComparer.Ordinal))
        {
            byte[] input = File.ReadAllBytes(file);
            long start = Stopwatch.GetTimestamp();
            try
            {
                FuzzOutcome outcome = harness.Run(input);
                if (outcome.Verdict == FuzzVerdict.Loaded)
                {
                    loaded++;
                    Console.WriteLine($"loaded   {file}");
                }
                else
                {
                    rejected++;
                    Console.WriteLine($"rejected {file}: {outcome.Problems.Count} problem(s), first: {outcome.Problems[0]}");
                }
            }
#pragma warning disable CA1031 // a replay reports every exception a harness lets escape: each one is a finding
            catch (Exception e)
#pragma warning restore CA1031
            {
                crashed++;
                Console.WriteLine($"CRASH    {file}: {e}");
            }

            double ms = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            if (ms > slowest.Ms)
            {
                slowest = (file, ms);
            }
        }

        Console.WriteLine($"{harness.Target}: {loaded + rejected + crashed} files, {loaded} loaded, {rejected} rejected, {crashed} crashed"
                          + (slowest.File.Length > 0 ? $"; slowest {Path.GetFileName(slowest.File)} in {slowest.Ms:F1} ms" : ""));
        return crashed == 0 ? 0 : ExitCodes.Crashed;
    }
}

internal static class CoverageMap
{
    /// <summary>The size of SharpFuzz's coverage map, AFL's default MAP_SIZE (64 KiB).</summary>
    private const int Bytes = 1 << 16;

    public static unsafe void UseScratch() => SharpFuzz.Common.Trace.SharedMem = (byte*)NativeMemory.AllocZeroed(Bytes);
}

internal static class ExitCodes
{
    public const int Crashed = 1;
    public const int Usage = 2;
}
