using System.Diagnostics;
using System.Globalization;

namespace Corridors.LoadTest;

/// <summary>
/// Where the machine's CPU went during the soak: the server, this tool, and everything else (others share these
/// cores). From <c>/proc/stat</c> and <c>/proc/PID/stat</c>, in clock ticks of 1/100 s (USER_HZ is 100 on Linux
/// x86-64). All null where <c>/proc</c> cannot be read.
/// </summary>
internal sealed record CpuSample(long? MachineBusyTicks, long? ServerTicks, TimeSpan ToolCpu, long At)
{
    private const double TicksPerSecond = 100; // USER_HZ on Linux x86-64

    public static CpuSample Take(int? serverPid) =>
        new(MachineBusy(), serverPid is { } pid ? ProcessTicks(pid) : null, Process.GetCurrentProcess().TotalProcessorTime, Stopwatch.GetTimestamp());

    /// <summary>Cores kept busy on average between <paramref name="start"/> and this sample: machine, server, tool, others.</summary>
    public (double? Machine, double? Server, double Tool, double? Others) CoresSince(CpuSample start)
    {
        ArgumentNullException.ThrowIfNull(start);
        double seconds = Stopwatch.GetElapsedTime(start.At, At).TotalSeconds;
        double? machine = MachineBusyTicks - start.MachineBusyTicks is { } m ? m / TicksPerSecond / seconds : null;
        double? server = ServerTicks - start.ServerTicks is { } s ? s / TicksPerSecond / seconds : null;
        double tool = (ToolCpu - start.ToolCpu).TotalSeconds / seconds;
        double? others = machine - (server ?? 0) - tool;
        return (machine, server, tool, others is { } o ? Math.Max(0, o) : null);
    }

    /// <summary>Busy ticks of all cores: user + nice + system + irq + softirq + steal (not idle, not iowait).</summary>
    private static long? MachineBusy()
    {
        try
        {
            string[] fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries);
            long[] values = [.. fields.Skip(1).Take(8).Select(f => long.Parse(f, CultureInfo.InvariantCulture))];
            return values[0] + values[1] + values[2] + values[5] + values[6] + values[7];
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>utime + stime of a process (fields 14 and 15 of <c>/proc/PID/stat</c>, counted after the command name).</summary>
    private static long? ProcessTicks(int pid)
    {
        try
        {
            string stat = File.ReadAllText($"/proc/{pid}/stat");
            string[] fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return null;
        }
    }
}
