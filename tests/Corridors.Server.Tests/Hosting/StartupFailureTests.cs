using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Corridors.Server.Hosting;
using Corridors.Server.Tests.Support;

namespace Corridors.Server.Tests.Hosting;

/// <summary>
/// The real server process, misconfigured: each configuration error ends it with exit code 78 and one line on stderr
/// naming the setting and the fix — no stack trace, no "Unhandled exception".
/// </summary>
public sealed class StartupFailureTests
{
    public static TheoryData<string[], string> Misconfigurations() => new()
    {
        { ["--Corridors:GrpcPort=70000"], "corridors: configuration error: Corridors:GrpcPort: The field GrpcPort must be between 0 and 65535." },
        { ["--Corridors:ListenAddress=localhost"], "corridors: configuration error: Corridors:ListenAddress 'localhost' is not an IP address (e.g. 127.0.0.1 or ::1)." },
        { ["--Corridors:HttpPort=0", "--Corridors:GrpcPort=0", "--Corridors:RateLimits:Mutations:Burst=0"], "corridors: configuration error: Corridors:RateLimits:Mutations needs PermitsPerMinute and Burst of at least 1 (it has 60 and 0)." },
        { ["--Corridors:BusinessDate=2026-02-30"], "corridors: configuration error: Corridors:BusinessDate '2026-02-30' is not a date in YYYY-MM-DD form" },
        { ["--Corridors:HttpPort=0", "--Corridors:GrpcPort=0", "--Corridors:NetworksDirectory=" + Path.GetTempPath()], "corridors: The network in " },
    };

    [Theory]
    [MemberData(nameof(Misconfigurations))]
    public async Task EachMisconfiguration_EndsWithOneLineAndExitCode78(string[] arguments, string lineStart)
    {
        (int exitCode, string stderr, string stdout) = await RunServerAsync(arguments);

        Assert.Equal(StartupFailure.ExitCode, exitCode);
        string line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith(lineStart, line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stdout + stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", stdout + stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AKeysFileThatIsNotOne_EndsWithOneLineNamingItAndExitCode78()
    {
        string keysFile = Path.Combine(Path.GetTempPath(), "corridors-bad-keys-" + Guid.NewGuid().ToString("N") + ".json");
        await File.WriteAllTextAsync(keysFile, "{\"keys\": 5}");
        try
        {
            (int exitCode, string stderr, _) = await RunServerAsync(["--Corridors:HttpPort=0", "--Corridors:GrpcPort=0", "--Corridors:ApiKeys:KeysFile=" + keysFile]);

            Assert.Equal(StartupFailure.ExitCode, exitCode);
            string line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.StartsWith($"corridors: configuration error: Corridors:ApiKeys:KeysFile: {keysFile} is not a keys file (line 1, at $.keys): it should be ", line, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(keysFile);
        }
    }

    [Fact]
    public async Task APortInUse_EndsWithOneLineNamingTheAddressAndExitCode78()
    {
        using var occupied = new TcpListener(IPAddress.Loopback, 0);
        occupied.Start();
        int port = ((IPEndPoint)occupied.LocalEndpoint).Port;

        (int exitCode, string stderr, string stdout) = await RunServerAsync([$"--Corridors:GrpcPort={port}", "--Corridors:HttpPort=0"]);

        Assert.Equal(StartupFailure.ExitCode, exitCode);
        string line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"corridors: Failed to bind to address http://127.0.0.1:{port}: address already in use. Stop whatever uses that address", line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stdout, StringComparison.Ordinal);
    }

    private static async Task<(int ExitCode, string Stderr, string Stdout)> RunServerAsync(string[] arguments)
    {
        string store = Path.Combine(Path.GetTempPath(), "corridors-startup-" + Guid.NewGuid().ToString("N"), "scenarios.db");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            WorkingDirectory = Path.GetDirectoryName(NetworkCopy.RealNetworks)!,
        };
        start.ArgumentList.Add(typeof(StartupFailure).Assembly.Location);
        start.ArgumentList.Add($"--Corridors:ScenarioStore:DatabasePath={store}");
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using Process process = Process.Start(start)!;
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2)); // bounded: a server that starts would run forever
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new Xunit.Sdk.XunitException("the server started instead of refusing its configuration");
        }
        finally
        {
            string folder = Path.GetDirectoryName(store)!;
            if (Directory.Exists(folder))
            {
                await process.WaitForExitAsync(); // killed or exited: nothing holds the store any more
                Directory.Delete(folder, recursive: true);
            }
        }

        return (process.ExitCode, await stderr, await stdout);
    }
}
