using System.Diagnostics;
using System.Text.RegularExpressions;
using Corridors.Server.Hosting;
using Corridors.Server.Tests.Support;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;

namespace Corridors.Server.Tests.Hosting;

/// <summary>
/// The server started as users and scripts start it (its dll, from a folder that is not the project's) still applies
/// its shipped appsettings.json: ASP.NET Core's request lines stay at Warning, so a busy server does not write four
/// log lines per call.
/// </summary>
public sealed partial class ShippedSettingsTests
{
    [GeneratedRegex(@"gRPC \(HTTP/2 h2c\) on (http://\S+/),")]
    private static partial Regex ListeningOn();

    [Fact]
    public async Task StartedFromAnotherFolder_LogsNoLinePerRequest()
    {
        string folder = Directory.CreateTempSubdirectory("corridors-shipped-").FullName;
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = folder };
        foreach (string argument in new[]
        {
            typeof(StartupFailure).Assembly.Location, "--Corridors:GrpcPort=0", "--Corridors:HttpPort=0",
            "--Corridors:NetworksDirectory=" + NetworkCopy.RealNetworks,
            "--Corridors:ScenarioStore:DatabasePath=" + Path.Combine(folder, "scenarios.db"),
            "--Corridors:ApiKeys:KeysFile=" + Path.Combine(folder, "api-keys.json"),
        })
        {
            start.ArgumentList.Add(argument);
        }

        using Process server = Process.Start(start)!;
        Task<string> errors = server.StandardError.ReadToEndAsync();
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            List<string> lines = [];
            Match listening;
            do
            {
                lines.Add(await server.StandardOutput.ReadLineAsync(timeout.Token) ?? throw new Xunit.Sdk.XunitException($"the server ended: {string.Join('\n', lines)}\n{await errors}"));
                listening = ListeningOn().Match(lines[^1]);
            }
            while (!listening.Success);

            using var channel = GrpcChannel.ForAddress(listening.Groups[1].Value);
            HealthCheckResponse health = await new Health.HealthClient(channel).CheckAsync(new HealthCheckRequest(), deadline: Bounded.Deadline());
            Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, health.Status);

            // A malformed body is logged (Warning, event 2004) after the call above: the console logger writes in
            // order, so every line that call produced is in the output before this one.
            var raw = Marshallers.Create<byte[]>(bytes => bytes, bytes => bytes);
            var compare = new Method<byte[], byte[]>(MethodType.Unary, "corridors.v1.ComparisonService", "CompareCorridors", raw, raw);
            RpcException refused = await Assert.ThrowsAsync<RpcException>(() =>
                channel.CreateCallInvoker().AsyncUnaryCall(compare, null, new CallOptions(deadline: Bounded.Deadline()), [0x0a, 0x05, (byte)'x']).ResponseAsync);
            Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
            int after = lines.Count;
            while (!lines[^1].Contains("[2004]", StringComparison.Ordinal))
            {
                lines.Add(await server.StandardOutput.ReadLineAsync(timeout.Token) ?? throw new Xunit.Sdk.XunitException("the server ended before logging the malformed body"));
            }

            string[] logged = [.. lines.Skip(after)];
            Assert.DoesNotContain(logged, line => line.Contains("Request starting", StringComparison.Ordinal) || line.Contains("Executing endpoint", StringComparison.Ordinal));
        }
        finally
        {
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync();
            Directory.Delete(folder, recursive: true);
        }
    }
}
