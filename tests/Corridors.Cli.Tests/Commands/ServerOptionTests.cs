using System.Net;
using System.Text.Json;

namespace Corridors.Cli.Tests.Commands;

/// <summary>
/// One query path: the query commands build the same request in-process and with <c>--server URL</c> (a real server,
/// Kestrel on a free loopback port, h2c), and both go through the application layer, so answers and refusals are
/// byte-identical: the same JSON document, the same table, the same error lines against the same options.
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
    [InlineData("compare", "--from", "xian", "--to", "duisburg", "--read-mask", "comparisons.corridor_id,comparisons.transit_days,comparisons.sanction_risk.score")]
    [InlineData("route", "--from", "chongqing", "--to", "hamburg", "--alternatives", "2")]
    [InlineData("route", "--from", "shanghai", "--to", "rotterdam", "--corridor", "maritime-cape", "--objective", "lowest-co2e")]
    [InlineData("pareto", "--from", "xian", "--to", "rotterdam")]
    [InlineData("capacity")]
    [InlineData("capacity", "--avoid-country", "RU", "--allowed-only", "--value-of-time", "50")]
    [InlineData("capacity", "--scenario", "poland-belarus-border-closed", "--volumes", "tests/Corridors.Cli.Tests/Commands/volumes-two-pairs.csv")]
    public void Json_ViaServer_IsByteIdenticalToInProcess(params string[] args)
    {
        string[] query = [.. args, "--as-of", "2026-11-29", "--json"];

        CliRun local = Run(query);
        CliRun remote = Run([.. query, "--server", _url]);

        Assert.Equal(0, local.ExitCode);
        Assert.Equal(0, remote.ExitCode);
        Assert.Equal(string.Empty, remote.Error);
        Assert.Equal(local.Output, remote.Output);
        using JsonDocument document = JsonDocument.Parse(local.Output); // and it is the API's JSON
        Assert.Equal(JsonValueKind.Object, document.RootElement.ValueKind);
    }

    [Fact]
    public void CapacityTable_InProcessAndViaServer_AreTheSame_AndNameTheBindingBottlenecks()
    {
        string[] query = ["capacity", "--as-of", "2024-06-01"];

        CliRun local = Run(query);
        CliRun remote = Run([.. query, "--server", _url]);

        Assert.Equal(0, local.ExitCode);
        Assert.Equal(local.Output, remote.Output);
        Assert.Contains("Capacity as of 2024-06-01: 1,184,394 TEU/yr in 5 pairs (default volumes)", local.Output, StringComparison.Ordinal);
        Assert.Matches(@"dostyk-gauge-transfer\s+377,400\s+377,400\s+100 %\s+yes", local.Output);
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

    /// <summary>
    /// Every refusal the query commands gave before the one path, by the option it names, with the application
    /// layer's wording: run in-process and over <c>--server</c>, each must end with exit 2, print nothing on stdout,
    /// and print exactly these lines on stderr, both ways.
    /// </summary>
    public static TheoryData<string, string> Refusals => new()
    {
        { "compare --from Atlantis --to duisburg", "--from: no place is called 'Atlantis'" },
        { "compare --from xian --to Duisberg", "--to: no place is called 'Duisberg'; did you mean duisburg (Duisburg, DE)?" },
        { "compare --from '' --to duisburg", "--from: is required" },
        { "compare --from xian --to xian", "--to: origin and destination are the same place 'xian'" },
        { "compare --from xian --to duisburg --as-of 2026-13-01", "--as-of: '2026-13-01' is not a date in YYYY-MM-DD form" },
        { "compare --from xian --to duisburg --as-of 2013-12-31", "--as-of: as-of date 2013-12-31 is outside the answered range 2014-01-01 … 2040-12-31 (before 2014-01-01, the earliest date the data is collected for)" },
        { "compare --from xian --to duisburg --avoid-mode air", "--avoid-mode: unknown mode 'air'; known: rail, road, sea, ferry, inland-waterway" },
        { "compare --from xian --to duisburg --avoid-country Russia", "--avoid-country: 'Russia' is not an ISO 3166-1 alpha-2 code (two letters)" },
        { "compare --from xian --to duisburg --avoid-place nowhere", "--avoid-place: no place is called 'nowhere'" },
        { "compare --from xian --to duisburg --perspective EU,XX", "--perspective: unknown regime 'XX'; known: EU, US, UK, CA, UN, or 'none'" },
        { "compare --from xian --to duisburg --cargo weapons", "--cargo: unknown cargo class 'weapons'; known: general, dual-use, military, energy" },
        { "compare --from xian --to duisburg --hs-code 84x", "--hs-code: '84x' is not an HS code: give 2 to 10 digits (dots and spaces allowed), e.g. 8471.30" },
        { "compare --from xian --to duisburg --hs-code 7712", "--hs-code: unknown HS chapter '77' in '7712': chapters run 01–97 (77 is reserved)" },
        { "compare --from xian --to duisburg --objective cheapest", "--objective: unknown objective 'cheapest'; known: fastest, shortest, lowest-risk, lowest-co2e" },
        { "compare --from xian --to duisburg --max-risk-score 101", "--max-risk-score: must be between 0 and 100, got 101" },
        { "compare --from xian --to duisburg --max-border-crossings -1", "--max-border-crossings: must be between 0 and 64, got -1" },
        { "compare --from xian --to duisburg --scenario nope", "--scenario: no scenario has id 'nope'; known: caspian-ferry-congestion, cku-open, poland-belarus-border-closed, red-sea-closed" },
        { "compare --from xian --to duisburg --baseline", "--baseline: a side-by-side comparison with the baseline needs a scenario_id" },
        { "compare --from xian --to duisburg --json --read-mask comparisons.colour,origin", "--read-mask: \"comparisons.colour\" names no field: CorridorComparison has no field colour" },
        { "compare --from xian --to duisburg --read-mask comparisons.corridor_id", "--read-mask: only with --json (a table shows every figure)" },
        { "compare --from Atlantis --to duisburg --as-of 2026-13-01 --avoid-country RUS", "--avoid-country: 'RUS' is not an ISO 3166-1 alpha-2 code (two letters)\n--as-of: '2026-13-01' is not a date in YYYY-MM-DD form\n--from: no place is called 'Atlantis'" },
        { "route --from xian --to duisburg --alternatives 11", "--alternatives: must be between 0 and 10, got 11" },
        { "route --from xian --to duisburg --alternatives -1", "--alternatives: must be between 0 and 10, got -1" },
        { "route --from xian --to duisburg --max-overlap 0", "--max-overlap: must be above 0 and at most 1, got 0" },
        { "route --from xian --to duisburg --corridor silk", "--corridor: no corridor has id 'silk'; known: northern, middle, maritime, maritime-cape, cku" },
        { "pareto --from xian --to Atlantis --corridor cku", "--to: no place is called 'Atlantis'" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public void Refusal_InProcessAndViaServer_IsTheSameLinesAgainstTheSameOption(string command, string reasons)
    {
        string[] args = Arguments(command);
        string expected = string.Concat(reasons.Split('\n').Select(r => $"corridors: {r}{Environment.NewLine}"));

        CliRun local = Run(args);
        CliRun remote = Run([.. args, "--server", _url]);

        Assert.Equal((2, string.Empty, expected), (local.ExitCode, local.Output, local.Error));
        Assert.Equal((2, string.Empty, expected), (remote.ExitCode, remote.Output, remote.Error));
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
    public void SeveralAddresses_AreCalledRoundRobin_WithTheSameAnswer()
    {
        string[] query = ["compare", "--from", "xian", "--to", "duisburg", "--as-of", "2026-11-29", "--json"];

        CliRun one = Run([.. query, "--server", _url]);
        CliRun balanced = Run([.. query, "--server", $"{_url}, {_url.Replace("127.0.0.1", "localhost", StringComparison.Ordinal)}"]);

        Assert.Equal(0, balanced.ExitCode);
        Assert.Equal(string.Empty, balanced.Error);
        Assert.Equal(one.Output, balanced.Output);
    }

    [Theory]
    [InlineData("http://127.0.0.1:50051,ftp://127.0.0.1:50052", "corridors: --server: 'ftp://127.0.0.1:50052' is not an http:// or https:// URL")]
    [InlineData("http://127.0.0.1:50051,https://127.0.0.1:50052", "corridors: --server: mixes http:// and https:// addresses; balance over replicas of one kind")]
    [InlineData("http://127.0.0.1:50051,", "corridors: --server: '' is not an http:// or https:// URL")]
    public void BadServerList_ExitsWith2(string server, string message)
    {
        CliRun run = Run("compare", "--from", "xian", "--to", "duisburg", "--server", server);

        Assert.Equal((2, string.Empty, message + Environment.NewLine), (run.ExitCode, run.Output, run.Error));
    }

    [Fact]
    public void BadServerUrl_ExitsWith2()
    {
        CliRun run = Run("compare", "--from", "xian", "--to", "duisburg", "--server", "127.0.0.1:50051");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("corridors: --server: '127.0.0.1:50051' is not an http:// or https:// URL", run.ErrorLines);
    }

    private static CliRun Run(params string[] args) => CliRun.InvokeIn(CliRun.RepositoryRoot(), args);

    /// <summary>Splits on spaces; <c>''</c> is an empty argument.</summary>
    private static string[] Arguments(string command) =>
        [.. command.Split(' ').Select(a => a == "''" ? string.Empty : a)];


    /// <summary>The real server, shared by the class.</summary>
    public sealed class RunningServer : LoopbackServer;
}
