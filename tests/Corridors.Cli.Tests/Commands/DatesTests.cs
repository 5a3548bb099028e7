using System.Text.Json;
using Corridors.Domain.Dates;

namespace Corridors.Cli.Tests.Commands;

/// <summary>
/// Questions about the future and answers on stale data: links open on their forecast date (flagged), risk past
/// the measures' review is a flagged projection, and a business date past the data's freshness is answered, marked
/// stale. The server's business date and the CLI's are independent of the wall clock that times the gRPC calls.
/// </summary>
public sealed class DatesTests : IClassFixture<DatesTests.ServerIn2039>
{
    private readonly string _url;

    public DatesTests(ServerIn2039 server)
    {
        ArgumentNullException.ThrowIfNull(server);
        _url = server.GrpcUrl;
    }

    private static CliRun Run(params string[] args) => CliRun.InvokeIn(CliRun.RepositoryRoot(), args);

    private static CliRun RunOn(DateOnly today, params string[] args) =>
        CliRun.InvokeOn(BusinessCalendar.Pinned(today), CliRun.RepositoryRoot(), args);

    private static JsonElement Corridor(JsonDocument json, string id) =>
        json.RootElement.GetProperty("comparisons").EnumerateArray().Single(c => c.GetProperty("corridorId").GetString() == id);

    [Fact]
    public void Cku_AfterItsForecastOpening_IsFoundByRailOnly_WithTheForecastFlagged()
    {
        CliRun run = Run("compare", "--from", "Kashgar", "--to", "Andijan", "--as-of", "2031-06-01", "--json");

        Assert.Equal(0, run.ExitCode);
        using JsonDocument json = JsonDocument.Parse(run.Output);
        JsonElement cku = Corridor(json, "cku");
        Assert.Equal("ROUTE_OUTCOME_FOUND", cku.GetProperty("outcome").GetString());
        Assert.Equal(0, cku.GetProperty("modeKm").GetProperty("road").GetDouble());
        Assert.Equal(577, cku.GetProperty("distanceKm").GetDouble(), 1.0); // CKU-05/06/07: about 575 km Kashgar–Andijan
        Assert.Equal(
            [("kashgar-torugart-rail", "2030-12-31"), ("torugart-makmal", "2030-12-31"), ("makmal-jalal-abad", "2030-12-31")],
            cku.GetProperty("legs").EnumerateArray().Where(l => l.GetProperty("forecast").GetBoolean())
                .Select(l => (l.GetProperty("linkId").GetString(), l.GetProperty("forecastOpensOn").GetString())));
        string note = Assert.Single(cku.GetProperty("notes").EnumerateArray()).GetString()!;
        Assert.StartsWith("China–Kyrgyzstan–Uzbekistan: kashgar-torugart-rail, torugart-makmal, makmal-jalal-abad are under construction, forecast to open 2030-12-31 (derived: CKU-11", note, StringComparison.Ordinal);
        Assert.Equal("RISK_BASIS_PROJECTED", cku.GetProperty("sanctionRisk").GetProperty("basis").GetString());
    }

    [Fact]
    public void Cku_BeforeItsForecastOpening_GoesByRoadAndRail()
    {
        CliRun run = Run("compare", "--from", "Kashgar", "--to", "Andijan", "--as-of", "2025-06-01", "--perspective", "none", "--json");

        Assert.Equal(0, run.ExitCode);
        using JsonDocument json = JsonDocument.Parse(run.Output);
        JsonElement cku = Corridor(json, "cku");
        Assert.Equal("ROUTE_OUTCOME_FOUND", cku.GetProperty("outcome").GetString());
        Assert.True(cku.GetProperty("modeKm").GetProperty("road").GetDouble() > 400, "the road over Irkeshtam or Torugart");
        Assert.Empty(cku.GetProperty("notes").EnumerateArray());
        Assert.DoesNotContain(cku.GetProperty("legs").EnumerateArray(), l => l.GetProperty("forecast").GetBoolean());
    }

    [Fact]
    public void TodayPastTheDataFreshness_IsAnswered_NorthernFound_RiskProjectedAndStale()
    {
        CliRun run = RunOn(new DateOnly(2028, 6, 1), "compare", "--from", "xian", "--to", "duisburg", "--json");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("", run.Error);
        using JsonDocument json = JsonDocument.Parse(run.Output);
        Assert.Equal("2028-06-01", json.RootElement.GetProperty("asOf").GetString());
        JsonElement freshness = json.RootElement.GetProperty("dataFreshness");
        Assert.True(freshness.GetProperty("stale").GetBoolean());
        Assert.Equal("2026-11-29", freshness.GetProperty("reviewedOn").GetString());
        Assert.Equal(550, freshness.GetProperty("ageDays").GetInt32());
        JsonElement northern = Corridor(json, "northern");
        Assert.Equal("ROUTE_OUTCOME_FOUND", northern.GetProperty("outcome").GetString());
        Assert.Equal("RISK_BASIS_PROJECTED", northern.GetProperty("sanctionRisk").GetProperty("basis").GetString());
        Assert.Equal("2026-11-29", northern.GetProperty("sanctionRisk").GetProperty("measuresReviewedOn").GetString());
    }

    [Fact]
    public void StaleAnswerTable_SaysSoUnderTheTable()
    {
        CliRun run = RunOn(new DateOnly(2028, 6, 1), "compare", "--from", "xian", "--to", "duisburg");

        Assert.Equal(0, run.ExitCode);
        string[] lines = run.Output.Split('\n', StringSplitOptions.TrimEntries);
        Assert.Contains("sanction risk projected: as of 2028-06-01 the measures reviewed on 2026-11-29 are assumed to persist; nothing adopted after the review is known", lines);
        Assert.Contains("sanction data STALE: reviewed 2026-11-29, fresh until 2027-11-29, 185 day(s) past it on 2028-06-01", lines);
    }

    [Fact]
    public void PerspectiveNone_IsNeverRefusedForADateInsideTheRange()
    {
        CliRun run = Run("compare", "--from", "xian", "--to", "duisburg", "--as-of", "2040-12-31", "--perspective", "none", "--json");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("", run.Error);
    }

    [Fact]
    public void Validate_OnAStaleDay_SaysHowLongAgoTheDataTurnedStale()
    {
        CliRun run = RunOn(new DateOnly(2032, 12, 2), "validate", "networks");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains(
            "sanctions/measures.json: STALE — reviewed 2026-11-29, fresh until 2027-11-29, 1830 day(s) past it on 2032-12-02; answers are flagged until it is reviewed again (networks/sanctions/README.md)",
            run.Output.Split('\n', StringSplitOptions.TrimEntries));
    }

    [Fact]
    public void ServerPinnedIn2039_CliPinnedIn2015_ServerCallsMeetTheirRealDeadlines()
    {
        // The CLI's own business date is years before the server's; neither moves the gRPC deadline (wall time).
        CliRun compare = RunOn(new DateOnly(2015, 3, 1), "compare", "--from", "xian", "--to", "duisburg", "--json", "--server", _url);
        CliRun scenarios = RunOn(new DateOnly(2015, 3, 1), "scenario", "list", "--server", _url);

        Assert.Equal("", compare.Error);
        Assert.Equal(0, compare.ExitCode);
        using JsonDocument json = JsonDocument.Parse(compare.Output);
        Assert.Equal("2039-06-01", json.RootElement.GetProperty("asOf").GetString()); // the server's today
        Assert.True(json.RootElement.GetProperty("dataFreshness").GetProperty("stale").GetBoolean());
        Assert.Equal(0, scenarios.ExitCode);
        Assert.Contains("red-sea-closed", scenarios.Output, StringComparison.Ordinal);
    }

    /// <summary>A real server whose business date is 2039-06-01.</summary>
    public sealed class ServerIn2039() : LoopbackServer(new Dictionary<string, string?> { ["Corridors:BusinessDate"] = "2039-06-01" });
}
