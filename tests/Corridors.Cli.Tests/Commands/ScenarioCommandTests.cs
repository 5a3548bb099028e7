using System.Text.Json;
using Corridors.Server.Security;

namespace Corridors.Cli.Tests.Commands;

/// <summary>
/// <c>--scenario</c> on the query commands (in-process and with <c>--server</c>) and the <c>scenario</c> command group
/// against a real server (Kestrel on free loopback ports, its own SQLite file, a writer and a reader key).
/// </summary>
public sealed class ScenarioCommandTests : IClassFixture<ScenarioCommandTests.KeyedServer>, IDisposable
{
    private const string WriterKey = "cli-writer-key-51d0";
    private const string ReaderKey = "cli-reader-key-9a4c";

    private readonly string _url;
    private readonly TempFolder _temp = new();

    public ScenarioCommandTests(KeyedServer server)
    {
        ArgumentNullException.ThrowIfNull(server);
        _url = server.GrpcUrl;
    }

    [Fact]
    public void Compare_ScenarioWithBaseline_InProcess_PrintsTheDeltas()
    {
        CliRun run = Run(null, "compare", "--from", "shanghai", "--to", "rotterdam", "--as-of", "2024-06-01", "--scenario", "red-sea-closed", "--baseline");

        Assert.Equal(0, run.ExitCode);
        string[] lines = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Scenario red-sea-closed (version 1) vs baseline", lines[1].Trim());
        string maritime = lines.Single(l => l.StartsWith("maritime ", StringComparison.Ordinal));
        string[] cells = maritime.Split("  ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(["maritime", "found", "found"], cells[..3]);
        Assert.InRange(double.Parse(cells[6], System.Globalization.CultureInfo.InvariantCulture), 7, 14); // ΔDAYS P50
    }

    [Fact]
    public void Compare_ScenarioWithBaseline_Json_IsTheSameInProcessAndViaTheServer()
    {
        string[] query = ["compare", "--from", "xian", "--to", "duisburg", "--as-of", "2025-09-15", "--scenario", "poland-belarus-border-closed", "--baseline", "--json"];

        CliRun local = Run(null, query);
        CliRun remote = Run(null, [.. query, "--server", _url]);

        Assert.Equal(0, local.ExitCode);
        Assert.Equal(0, remote.ExitCode);
        using JsonDocument a = JsonDocument.Parse(local.Output);
        using JsonDocument b = JsonDocument.Parse(remote.Output);
        Assert.True(JsonElement.DeepEquals(a.RootElement, b.RootElement), "in-process and --server JSON differ");
        JsonElement northern = a.RootElement.GetProperty("deltas").EnumerateArray().Single(d => d.GetProperty("corridorId").GetString() == "northern");
        Assert.True(northern.GetProperty("outcomeChanged").GetBoolean());
        Assert.Equal("ROUTE_OUTCOME_INFEASIBLE", northern.GetProperty("scenarioOutcome").GetString());
        Assert.Equal("poland-belarus-border-closed", a.RootElement.GetProperty("scenarioId").GetString());
    }

    [Fact]
    public void Route_InProcessScenario_ChangesTheAnswer()
    {
        CliRun baseline = Run(null, "route", "--from", "xian", "--to", "duisburg", "--as-of", "2025-09-15", "--corridor", "northern");
        CliRun closed = Run(null, "route", "--from", "xian", "--to", "duisburg", "--as-of", "2025-09-15", "--corridor", "northern", "--scenario", "poland-belarus-border-closed");

        Assert.Equal(0, baseline.ExitCode);
        Assert.StartsWith("#1 ", baseline.Output, StringComparison.Ordinal);
        Assert.Equal(0, closed.ExitCode);
        Assert.StartsWith("infeasible: ", closed.Output, StringComparison.Ordinal);
        Assert.Contains("poland-belarus-border-closed", closed.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownScenario_ViaServer_IsReportedAgainstTheOption()
    {
        CliRun run = Run(null, "compare", "--from", "xian", "--to", "duisburg", "--scenario", "nope", "--server", _url);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("corridors: --scenario: no scenario has id 'nope'; known: ", run.ErrorLines[0], StringComparison.Ordinal);
    }

    [Fact]
    public void ScenarioCreateListGetUpdateDelete_AgainstARealServer()
    {
        string file = Write("brest.json", """{"name":"Brest shut","changes":[{"type":"close-link","link":"brest-malaszewicze"}]}""");
        string redSea = Write("redsea.json", """{"name":"Red Sea shut","changes":[{"type":"close-place","place":"bab-el-mandeb"}]}""");

        CliRun created = Run(null, "scenario", "create", "--id", "cli-brest", "--file", file, "--server", _url, "--api-key", WriterKey);
        CliRun list = Run(null, "scenario", "list", "--server", _url);
        CliRun got = Run(null, "scenario", "get", "cli-brest", "--server", _url, "--json");
        CliRun compared = Run(null, "compare", "--from", "xian", "--to", "duisburg", "--scenario", "cli-brest", "--baseline", "--server", _url);
        CliRun stale = Run(WriterKey, "scenario", "update", "cli-brest", "--file", redSea, "--version", "7", "--server", _url);
        CliRun updated = Run(WriterKey, "scenario", "update", "cli-brest", "--file", redSea, "--version", "1", "--server", _url);
        CliRun deleted = Run(WriterKey, "scenario", "delete", "cli-brest", "--version", "2", "--server", _url);

        Assert.Equal((0, "created cli-brest version 1"), (created.ExitCode, created.Output.Trim()));
        Assert.Equal(0, list.ExitCode);
        string[] rows = list.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("ID ", rows[0], StringComparison.Ordinal);
        Assert.Contains(rows, r => r.StartsWith("red-sea-closed ", StringComparison.Ordinal) && r.Contains("shipped (read-only)", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.StartsWith("cli-brest ", StringComparison.Ordinal) && r.Contains("stored", StringComparison.Ordinal) && r.Contains("Brest shut", StringComparison.Ordinal));
        using (JsonDocument scenario = JsonDocument.Parse(got.Output))
        {
            Assert.Equal("1", scenario.RootElement.GetProperty("version").GetString());
            Assert.Contains("brest-malaszewicze", scenario.RootElement.GetProperty("definition").GetString(), StringComparison.Ordinal);
        }

        Assert.Equal(0, compared.ExitCode);
        Assert.Contains("Scenario cli-brest (version 1) vs baseline", compared.Output, StringComparison.Ordinal);
        Assert.Equal(75, stale.ExitCode);
        Assert.Contains("corridors: current version: 1", stale.ErrorLines);
        Assert.Equal((0, "updated cli-brest to version 2"), (updated.ExitCode, updated.Output.Trim()));
        Assert.Equal((0, "deleted cli-brest (was version 2)"), (deleted.ExitCode, deleted.Output.Trim()));
    }

    [Fact]
    public void ScenarioMutations_WithoutAWriterKey_Exit77_AndBadDefinitionsExit2()
    {
        string bad = Write("bad.json", """{"name":"x","changes":[{"type":"close-link","link":"no-such-link"}]}""");
        string good = Write("good.json", """{"name":"x","changes":[{"type":"close-place","place":"suez"}]}""");

        CliRun anonymous = Run(null, "scenario", "create", "--id", "cli-anon", "--file", good, "--server", _url);
        CliRun reader = Run(ReaderKey, "scenario", "create", "--id", "cli-anon", "--file", good, "--server", _url);
        CliRun invalid = Run(WriterKey, "scenario", "create", "--id", "cli-bad", "--file", bad, "--server", _url);
        CliRun shipped = Run(WriterKey, "scenario", "delete", "red-sea-closed", "--version", "1", "--server", _url);
        CliRun missing = Run(WriterKey, "scenario", "create", "--id", "cli-missing", "--file", "no-such.json", "--server", _url);
        CliRun get = Run(null, "scenario", "get", "cli-anon", "--server", _url);

        Assert.Equal(77, anonymous.ExitCode);
        Assert.Contains("corridors: Changing scenarios needs an API key in the x-api-key metadata. (--api-key or CORRIDORS_API_KEY)", anonymous.ErrorLines);
        Assert.Equal(77, reader.ExitCode);
        Assert.Equal(2, invalid.ExitCode);
        Assert.Contains("corridors: --file: changes[0].link: unknown link 'no-such-link'", invalid.ErrorLines);
        Assert.Equal(2, shipped.ExitCode);
        Assert.StartsWith("corridors: shipped scenarios are read-only", shipped.ErrorLines[0], StringComparison.Ordinal);
        Assert.Equal(2, missing.ExitCode);
        Assert.StartsWith("corridors: --file: cannot read 'no-such.json'", missing.ErrorLines[0], StringComparison.Ordinal);
        Assert.Equal(2, get.ExitCode); // nothing was created
        Assert.Equal("corridors: no scenario has id 'cli-anon'", get.ErrorLines[0]);
    }

    public void Dispose() => _temp.Dispose();

    private string Write(string name, string json)
    {
        string path = Path.Combine(_temp.Path, name);
        File.WriteAllText(path, json);
        return path;
    }

    /// <summary>Runs the CLI from the repository root with <c>CORRIDORS_API_KEY</c> set to <paramref name="environmentKey"/> (null: unset).</summary>
    private static CliRun Run(string? environmentKey, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var context = new CliContext(output, error, CliRun.RepositoryRoot(), TestDates.ReviewDayCalendar, environment: name => name == "CORRIDORS_API_KEY" ? environmentKey : null);
        int exitCode = CorridorsCli.Run(args, context);
        return new CliRun(exitCode, output.ToString(), error.ToString());
    }


    /// <summary>The real server with a writer and a reader key.</summary>
    public sealed class KeyedServer() : LoopbackServer(new Dictionary<string, string?>
    {
        ["Corridors:ApiKeys:Keys:0:Principal"] = "cli-tests",
        ["Corridors:ApiKeys:Keys:0:Sha256"] = ApiKeyHasher.Hash(WriterKey),
        ["Corridors:ApiKeys:Keys:0:Role"] = "writer",
        ["Corridors:ApiKeys:Keys:1:Principal"] = "cli-readers",
        ["Corridors:ApiKeys:Keys:1:Sha256"] = ApiKeyHasher.Hash(ReaderKey),
        ["Corridors:ApiKeys:Keys:1:Role"] = "reader",
    });
}
