using System.Net;
using System.Text.Json;

namespace Corridors.Cli.Tests.Commands;

/// <summary>
/// <c>--server URL</c>: the query commands ask a real server (Kestrel on a free loopback port, h2c) and print what
/// the in-process path prints for the same query.
/// </summary>
public sealed class ServerOptionTests : IClassFixture<ServerOptionTests.RunningServer>
{
    private readonly string _url;

    public ServerOptionTests(RunningServer server)
    {
        ArgumentNullException.ThrowIfNull(server);
        _url = server.GrpcUrl;
    }

    [Theory]
    [InlineData("compare", "--from", "Xi'an", "--to", "Duisburg")]
    [InlineData("compare", "--from", "xian", "--to", "duisburg", "--avoid-country", "RU", "--cargo", "dual-use")]
    [InlineData("route", "--from", "chongqing", "--to", "hamburg", "--alternatives", "2")]
    [InlineData("route", "--from", "shanghai", "--to", "rotterdam", "--corridor", "maritime-cape", "--objective", "lowest-co2e")]
    [InlineData("pareto", "--from", "xian", "--to", "rotterdam")]
    public void Json_ViaServer_IsTheSameDocumentAsInProcess(params string[] args)
    {
        string[] query = [.. args, "--as-of", "2026-11-29", "--json"];

        CliRun local = Run(query);
        CliRun remote = Run([.. query, "--server", _url]);

        Assert.Equal(0, local.ExitCode);
        Assert.Equal(0, remote.ExitCode);
        Assert.Equal(string.Empty, remote.Error);
        using JsonDocument a = JsonDocument.Parse(local.Output);
        using JsonDocument b = JsonDocument.Parse(remote.Output);
        Assert.True(JsonElement.DeepEquals(a.RootElement, b.RootElement), "in-process and --server JSON differ");
    }

    [Fact]
    public void Tables_InProcessAndViaServer_AreTheSame()
    {
        string[] query = ["compare", "--from", "Duisburg", "--to", "Xi'an", "--as-of", "2023-06-01", "--cargo", "dual-use"];

        CliRun local = Run(query);
        CliRun remote = Run([.. query, "--server", _url]);

        Assert.Equal(0, local.ExitCode);
        Assert.Equal(local.Output, remote.Output);
        Assert.Contains("northern: sanction risk 95.1 (severe) for EU dual-use 2023-06-01", local.Output, StringComparison.Ordinal);
        Assert.Contains("EU-RU-TRANSIT-DUALUSE-2023 [EU, transit-ban, prohibits]", local.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Table_ViaServer_HasARowPerCorridor()
    {
        CliRun run = Run("compare", "--from", "xian", "--to", "duisburg", "--server", _url);

        Assert.Equal(0, run.ExitCode);
        string[] lines = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("Xi'an (CN) → Duisburg (DE)", lines[0], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.StartsWith("northern ", StringComparison.Ordinal) && l.Contains("found", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(new[] { "compare", "--from", "Atlantis", "--to", "duisburg" }, "corridors: --from: no place is called 'Atlantis'")]
    [InlineData(new[] { "compare", "--from", "xian", "--to", "xian" }, "corridors: --to: origin and destination are the same place 'xian'")]
    [InlineData(new[] { "route", "--from", "xian", "--to", "duisburg", "--alternatives", "11" }, "corridors: --alternatives: must be between 0 and 10, got 11")]
    [InlineData(new[] { "compare", "--from", "xian", "--to", "duisburg", "--perspective", "EU,XX" }, "corridors: --perspective: unknown regime 'XX'; known: EU, US, UK, CA, UN, or 'none'")]
    [InlineData(new[] { "compare", "--from", "xian", "--to", "duisburg", "--avoid-mode", "air" }, "corridors: --avoid-mode: unknown mode 'air'; known: rail, road, sea, ferry, inland-waterway")]
    public void BadInput_ViaServer_ExitsWith2AndTheReasonAgainstTheOption(string[] args, string message)
    {
        CliRun run = Run([.. args, "--server", _url]);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(string.Empty, run.Output);
        Assert.Contains(message, run.ErrorLines);
    }

    [Fact]
    public void UnreachableServer_ExitsWith69()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop(); // nothing listens there now

        CliRun run = Run("compare", "--from", "xian", "--to", "duisburg", "--server", $"http://127.0.0.1:{port}");

        Assert.Equal(69, run.ExitCode);
        Assert.StartsWith($"corridors: --server http://127.0.0.1:{port}/: Unavailable", run.ErrorLines[0], StringComparison.Ordinal);
    }

    [Fact]
    public void BadServerUrl_ExitsWith2()
    {
        CliRun run = Run("compare", "--from", "xian", "--to", "duisburg", "--server", "127.0.0.1:50051");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("corridors: --server: '127.0.0.1:50051' is not an http:// or https:// URL", run.ErrorLines);
    }

    private static CliRun Run(params string[] args) => CliRun.InvokeIn(CliRun.RepositoryRoot(), args);


    /// <summary>The real server, shared by the class.</summary>
    public sealed class RunningServer : LoopbackServer;
}
