using System.Text.Json;

namespace Corridors.Cli.Tests.Commands;

/// <summary>compare / route / pareto on the real networks, run in-process from the repository folder.</summary>
public sealed class QueryCommandTests
{
    private static CliRun Run(params string[] args) => CliRun.InvokeIn(CliRun.RepositoryRoot(), args);

    [Fact]
    public void CompareWithReadMask_PrintsOnlyTheNamedFields_WithTheSameFiguresAsTheWholeAnswer()
    {
        CliRun whole = Run("compare", "--from", "xian", "--to", "duisburg", "--as-of", "2026-11-29", "--json");
        CliRun masked = Run("compare", "--from", "xian", "--to", "duisburg", "--as-of", "2026-11-29", "--json",
            "--read-mask", "comparisons.corridor_id, comparisons.transit_days.p50,comparisons.sanction_risk.score");

        Assert.Equal((0, string.Empty), (masked.ExitCode, masked.Error));
        using JsonDocument wholeJson = JsonDocument.Parse(whole.Output);
        using JsonDocument maskedJson = JsonDocument.Parse(masked.Output);
        Assert.Equal(["comparisons"], maskedJson.RootElement.EnumerateObject().Select(p => p.Name));
        JsonElement[] full = [.. wholeJson.RootElement.GetProperty("comparisons").EnumerateArray()];
        JsonElement[] part = [.. maskedJson.RootElement.GetProperty("comparisons").EnumerateArray()];
        Assert.Equal(full.Length, part.Length);
        for (int i = 0; i < full.Length; i++)
        {
            Assert.Equal(["corridorId", "transitDays", "sanctionRisk"], part[i].EnumerateObject().Select(p => p.Name));
            Assert.Equal(full[i].GetProperty("corridorId").GetString(), part[i].GetProperty("corridorId").GetString());
            Assert.Equal(["p50"], part[i].GetProperty("transitDays").EnumerateObject().Select(p => p.Name));
            Assert.Equal(full[i].GetProperty("transitDays").GetProperty("p50").GetDouble(), part[i].GetProperty("transitDays").GetProperty("p50").GetDouble());
            JsonElement risk = part[i].GetProperty("sanctionRisk"); // a score of 0 is left out, as proto3 JSON leaves defaults out
            Assert.Equal(full[i].GetProperty("sanctionRisk").GetProperty("score").GetDouble(), risk.TryGetProperty("score", out JsonElement score) ? score.GetDouble() : 0);
        }
    }

    [Fact]
    public void CompareXianDuisburgJson_ReturnsAllFiveCorridorsWithSensibleFigures()
    {
        CliRun run = Run("compare", "--from", "Xi'an", "--to", "Duisburg", "--as-of", "2026-11-29", "--json");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(string.Empty, run.Error);
        using JsonDocument json = JsonDocument.Parse(run.Output);
        JsonElement root = json.RootElement;
        Assert.Equal("xian", root.GetProperty("origin").GetProperty("id").GetString());
        Assert.Equal("CN", root.GetProperty("origin").GetProperty("country").GetString());
        Assert.Equal("DE", root.GetProperty("destination").GetProperty("country").GetString());
        Assert.Equal("2026-11-29", root.GetProperty("asOf").GetString());
        var byId = root.GetProperty("comparisons").EnumerateArray().ToDictionary(c => c.GetProperty("corridorId").GetString()!);
        Assert.Equal(["northern", "middle", "maritime", "maritime-cape", "cku"], byId.Keys);
        Assert.All(byId.Values, c => Assert.Equal("ROUTE_OUTCOME_FOUND", c.GetProperty("outcome").GetString()));

        // Northern: published Xi'an–Duisburg ≈ 9,908 km and 12–14 days (helper sources N-…; NR-15 13–19 days).
        JsonElement northern = byId["northern"];
        Assert.InRange(northern.GetProperty("distanceKm").GetDouble(), 9_400, 10_500);
        Assert.InRange(northern.GetProperty("transitDays").GetProperty("p50").GetDouble(), 11, 19);
        Assert.Equal(5, northern.GetProperty("borderCrossings").GetInt32());
        Assert.Equal(2, northern.GetProperty("gaugeBreaks").GetInt32()); // 1435→1520 at Dostyk, 1520→1435 at Brest/Małaszewicze
        Assert.Contains(northern.GetProperty("countries").EnumerateArray(), c => c.GetProperty("code").GetString() == "RU");

        // Middle is slower than Northern (MC-07: "three times longer"; MC-10: 20–25 days operator claim).
        double middleP50 = byId["middle"].GetProperty("transitDays").GetProperty("p50").GetDouble();
        Assert.InRange(middleP50, 18, 40);
        Assert.DoesNotContain(byId["middle"].GetProperty("countries").EnumerateArray(), c => c.GetProperty("code").GetString() is "RU" or "BY");
        Assert.True(byId["middle"].GetProperty("modeKm").GetProperty("ferry").GetDouble() > 400, "the Middle Corridor crosses the Caspian by ferry");

        // The Cape adds 7–14 days to the Suez voyage (SEA-05, SEA-14).
        double suez = byId["maritime"].GetProperty("transitDays").GetProperty("p50").GetDouble();
        double cape = byId["maritime-cape"].GetProperty("transitDays").GetProperty("p50").GetDouble();
        Assert.InRange(cape - suez, 7, 14);

        JsonElement leg = northern.GetProperty("legs")[0];
        Assert.Equal("xian", leg.GetProperty("from").GetProperty("id").GetString());
        Assert.Equal("TRANSPORT_MODE_RAIL", leg.GetProperty("mode").GetString());
        Assert.True(leg.GetProperty("hours").GetProperty("p50").GetDouble() > 0);
        Assert.True(leg.TryGetProperty("dwellHours", out _));
    }

    [Fact]
    public void CompareWithoutJson_PrintsATableRowPerCorridor()
    {
        CliRun run = Run("compare", "--from", "xian", "--to", "duisburg");

        Assert.Equal(0, run.ExitCode);
        string[] lines = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("Xi'an (CN) → Duisburg (DE)", lines[0], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.StartsWith("northern ", StringComparison.Ordinal) && l.Contains("found", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("maritime-cape ", StringComparison.Ordinal));
    }

    [Fact]
    public void CompareAvoidingRussia_MarksNorthernInfeasible_NeverARelaxedRoute()
    {
        CliRun run = Run("compare", "--from", "xian", "--to", "duisburg", "--avoid-country", "RU", "--json");

        Assert.Equal(0, run.ExitCode);
        using JsonDocument json = JsonDocument.Parse(run.Output);
        JsonElement northern = json.RootElement.GetProperty("comparisons")[0];
        Assert.Equal("ROUTE_OUTCOME_INFEASIBLE", northern.GetProperty("outcome").GetString());
        Assert.Equal("RU", northern.GetProperty("reasons")[0].GetProperty("value").GetString());
        Assert.Equal(0, northern.GetProperty("distanceKm").GetDouble()); // proto3 JSON prints defaults
        Assert.Empty(northern.GetProperty("legs").EnumerateArray());
        JsonElement middle = json.RootElement.GetProperty("comparisons")[1];
        Assert.Equal("ROUTE_OUTCOME_FOUND", middle.GetProperty("outcome").GetString());
        Assert.DoesNotContain(middle.GetProperty("countries").EnumerateArray(), c => c.GetProperty("code").GetString() == "RU");
    }

    [Fact]
    public void RouteWithAlternatives_ListsDistinctRoutesBestFirst()
    {
        CliRun run = Run("route", "--from", "xian", "--to", "duisburg", "--alternatives", "2", "--json");

        Assert.Equal(0, run.ExitCode);
        using JsonDocument json = JsonDocument.Parse(run.Output);
        double[] p50s = [.. json.RootElement.GetProperty("routes").EnumerateArray().Select(r => r.GetProperty("transitDays").GetProperty("p50").GetDouble())];
        Assert.Equal(3, p50s.Length);
        Assert.Equal(p50s.Order(), p50s);
    }

    [Fact]
    public void ParetoJson_HasTheFastestRouteFirst()
    {
        CliRun run = Run("pareto", "--from", "xian", "--to", "duisburg", "--json");

        Assert.Equal(0, run.ExitCode);
        using JsonDocument json = JsonDocument.Parse(run.Output);
        Assert.Equal(["OBJECTIVE_FASTEST", "OBJECTIVE_SHORTEST_DISTANCE"], json.RootElement.GetProperty("criteria").EnumerateArray().Select(c => c.GetString()));
        Assert.NotEmpty(json.RootElement.GetProperty("routes").EnumerateArray());
    }

    [Fact]
    public void CompareWithDualUseCargo_ReportsNorthernProhibitedWithItsRiskAndCo2e()
    {
        CliRun run = Run("compare", "--from", "Duisburg", "--to", "Xi'an", "--as-of", "2023-06-01", "--perspective", "EU", "--cargo", "dual-use", "--json");

        Assert.Equal(0, run.ExitCode);
        using JsonDocument json = JsonDocument.Parse(run.Output);
        JsonElement northern = json.RootElement.GetProperty("comparisons")[0];
        Assert.Equal("ROUTE_OUTCOME_PROHIBITED", northern.GetProperty("outcome").GetString());
        JsonElement risk = northern.GetProperty("sanctionRisk");
        Assert.Equal("RISK_VERDICT_PROHIBITED", risk.GetProperty("verdict").GetString());
        Assert.Equal("RISK_LEVEL_SEVERE", risk.GetProperty("level").GetString());
        Assert.InRange(risk.GetProperty("score").GetDouble(), 75, 100);
        Assert.Contains(risk.GetProperty("exposures").EnumerateArray(), e => e.GetProperty("measureId").GetString() == "EU-RU-TRANSIT-DUALUSE-2023" && e.GetProperty("sourceIds")[0].GetString() == "SAN-16");
        Assert.True(northern.GetProperty("co2eKg").GetDouble() > 0);
        Assert.Equal("ROUTE_OUTCOME_FOUND", json.RootElement.GetProperty("comparisons")[1].GetProperty("outcome").GetString());
    }

    [Theory]
    [InlineData("2010-01-01", "corridors: --as-of: as-of date 2010-01-01 is outside the answered range 2014-01-01 … 2040-12-31 (before 2014-01-01, the earliest date the data is collected for)")]
    [InlineData("2041-01-01", "corridors: --as-of: as-of date 2041-01-01 is outside the answered range 2014-01-01 … 2040-12-31 (after 2040-12-31, the horizon of the service's forecasts)")]
    public void AsOfOutsideTheAnsweredRange_ExitsWith2NamingTheRange(string asOf, string message)
    {
        CliRun run = Run("compare", "--from", "xian", "--to", "duisburg", "--as-of", asOf);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal([message], run.ErrorLines);
        Assert.Equal("", run.Output);
    }

}
