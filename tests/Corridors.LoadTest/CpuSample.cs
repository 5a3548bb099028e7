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

    /// <summary>CPU seconds spent between <paramref name="start"/> and this sample: machine, server, tool (null where unread).</summary>
    public (double? Machine, double? Server, double Tool) SecondsSince(CpuSample start)
    {
        ArgumentNullException.ThrowIfNull(start);
        return ((MachineBusyTicks - start.MachineBusyTicks) / TicksPerSecond, (ServerTicks - start.ServerTicks) / TicksPerSecond, (ToolCpu - start.ToolCpu).TotalSeconds);
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

/// <summary>
/// CPU per call of one method over its phases: the server's (read from <c>/proc</c>, so only for a server this tool
/// started), this tool's, and everyone else's on the machine. Less noisy than calls/s on a shared machine, and it shows
/// which side a change moved.
/// </summary>
internal sealed class CpuPerCall
{
    private double? _server = 0;
    private double? _machine = 0;
    private double _tool;
    private long _calls;

    public void Add(CpuSample start, CpuSample end, int calls)
    {
        ArgumentNullException.ThrowIfNull(end);
        (double? machine, double? server, double tool) = end.SecondsSince(start);
        _server += server;
        _machine += machine;
        _tool += tool;
        _calls += calls;
    }

    /// <summary>"412 µs: server 301, tool 98, others 13", or the tool's share alone where /proc gave no server figure.</summary>
    public string Describe()
    {
        if (_calls == 0)
        {
            return "no calls";
        }

        static double Micro(double seconds, long calls) => seconds * 1e6 / calls;
        if (_server is not { } server || _machine is not { } machine)
        {
            return string.Create(CultureInfo.InvariantCulture, $"tool {Micro(_tool, _calls):0} µs (the server's CPU is read only for a server this tool started)");
        }

        return string.Create(CultureInfo.InvariantCulture,
            $"{Micro(machine, _calls):0} µs: server {Micro(server, _calls):0}, tool {Micro(_tool, _calls):0}, others {Micro(Math.Max(0, machine - server - _tool), _calls):0}");
    }
}
