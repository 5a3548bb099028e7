using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Corridors.Contracts.Keys;

namespace Corridors.LoadTest;

/// <summary>
/// The real server started as a child process for the soak and for the plain run's <c>--start-server</c>: loopback
/// only, ports picked by the server (port 0, read back from its "listening" line), a temp folder for its database and
/// its keys file (one new writer key), and optionally raised rate limits. Its console output is kept: warnings and errors are counted and the last lines
/// shown if it fails. Disposing stops it and deletes the folder.
/// </summary>
internal sealed partial class ServerProcess : IDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly Process _process;
    private readonly string _folder;
    private readonly TaskCompletionSource<Uri> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Queue<string> _tail = new();
    private readonly List<string> _problems = [];
    private readonly Lock _gate = new();
    private int _linesToKeep;

    private ServerProcess(Process process, string folder, string apiKey)
    {
        _process = process;
        _folder = folder;
        ApiKey = apiKey;
    }

    /// <summary>The writer key in the temp keys file (never printed).</summary>
    public string ApiKey { get; }

    public int Pid => _process.Id;

    /// <summary>The HTTP/1.1 endpoint (JSON, <c>/metrics</c>), known once the server listens.</summary>
    public Uri? HttpAddress { get; private set; }

    /// <summary>The server's warning, error and critical log lines so far (first line of each entry, then its message).</summary>
    public IReadOnlyList<string> Problems
    {
        get
        {
            lock (_gate)
            {
                return [.. _problems];
            }
        }
    }

    /// <summary>Starts <paramref name="serverDll"/> with <c>dotnet</c> from the current folder (the repository root, whose <c>networks/</c> it serves) and waits until it listens.</summary>
    public static async Task<(ServerProcess Server, Uri GrpcAddress)> StartAsync(string serverDll, bool raiseRateLimits, IReadOnlyList<string> extraArguments)
    {
        string dll = Path.GetFullPath(serverDll);
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException($"{dll} not found: build it first (dotnet build Corridors.sln -c Release), or pass --server-dll", dll);
        }

        string folder = Directory.CreateTempSubdirectory("corridors-soak-").FullName;
        string apiKey = "ck_soak_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        string keysFile = Path.Combine(folder, "api-keys.json");
        ApiKeyFile.Write(keysFile, [new ApiKeyRecord("soak", Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(apiKey))), "writer",
            DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture))]);

        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Directory.GetCurrentDirectory(),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        string[] arguments =
        [
            dll,
            "--Corridors:ListenAddress=127.0.0.1",
            "--Corridors:GrpcPort=0",
            "--Corridors:HttpPort=0",
            "--Corridors:NetworksDirectory=" + Path.GetFullPath("networks"),
            "--Corridors:ScenarioStore:DatabasePath=" + Path.Combine(folder, "corridors.db"),
            "--Corridors:ApiKeys:KeysFile=" + keysFile,
        ];
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        if (raiseRateLimits)
        {
            foreach (string limit in new[] { "Mutations", "ExpensiveQueries" })
            {
                start.ArgumentList.Add(string.Create(CultureInfo.InvariantCulture, $"--Corridors:RateLimits:{limit}:PermitsPerMinute={SoakOptions.RaisedPermitsPerMinute}"));
                start.ArgumentList.Add(string.Create(CultureInfo.InvariantCulture, $"--Corridors:RateLimits:{limit}:Burst={SoakOptions.RaisedPermitsPerMinute}"));
            }
        }

        foreach (string argument in extraArguments)
        {
            start.ArgumentList.Add(argument);
        }

        Process process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var server = new ServerProcess(process, folder, apiKey);
        process.OutputDataReceived += (_, e) => server.OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => server.OnLine(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        Task exited = process.WaitForExitAsync();
        Task first = await Task.WhenAny(server._listening.Task, exited, Task.Delay(StartTimeout)).ConfigureAwait(false);
        if (first != server._listening.Task)
        {
            string why = first == exited ? $"exited with code {process.ExitCode}" : $"did not listen within {StartTimeout.TotalSeconds:0} s";
            string tail = server.Tail();
            server.Dispose();
            throw new InvalidOperationException($"The server {why}. Its last lines:\n{tail}");
        }

        return (server, await server._listening.Task.ConfigureAwait(false));
    }

    /// <summary>VmRSS of <paramref name="pid"/> in KiB from <c>/proc/PID/status</c>; null when it cannot be read.</summary>
    public static long? ResidentKib(int pid)
    {
        try
        {
            foreach (string line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                {
                    return long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0], NumberStyles.None, CultureInfo.InvariantCulture);
                }
            }
        }
        catch (IOException)
        {
            // The process ended, or there is no /proc (not Linux): no figure.
        }
        catch (UnauthorizedAccessException)
        {
        }

        return null;
    }

    public string Tail()
    {
        lock (_gate)
        {
            return string.Join('\n', _tail);
        }
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill();
                _process.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        _process.Dispose();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open: the folder is under the temp directory and is left for the system to clean.
        }
    }

    private void OnLine(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_gate)
        {
            _tail.Enqueue(line);
            if (_tail.Count > 40)
            {
                _tail.Dequeue();
            }

            // The console logger writes "warn: Category[id]" and the message on the next, indented line.
            if (line.StartsWith("warn:", StringComparison.Ordinal) || line.StartsWith("fail:", StringComparison.Ordinal) || line.StartsWith("crit:", StringComparison.Ordinal))
            {
                _problems.Add(line);

                // A warning's message is its next line; an error's exception and the top of its stack follow it.
                _linesToKeep = line.StartsWith("warn:", StringComparison.Ordinal) ? 1 : 16;
            }
            else if (_linesToKeep > 0 && line.StartsWith(' '))
            {
                _problems[^1] += "\n    " + line.Trim();
                _linesToKeep--;
            }
            else
            {
                _linesToKeep = 0;
            }
        }

        if (ListeningLine().Match(line) is { Success: true } match)
        {
            HttpAddress = new Uri(match.Groups[2].Value);
            _listening.TrySetResult(new Uri(match.Groups[1].Value));
        }
    }

    [GeneratedRegex(@"gRPC \(HTTP/2 h2c\) on (\S+), JSON .* on (\S+)$")]
    private static partial Regex ListeningLine();
}
