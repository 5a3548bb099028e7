using System.Text.Json;

namespace Corridors.Cli.Tests.Commands;

public sealed class SanctionVerdictCommandTests
{
    [Fact]
    public void MilitaryCargoFromTheEu_OnNorthern_IsProhibitedNamingBothTransitBans()
    {
        CliRun run = CliRun.InvokeIn(CliRun.RepositoryRoot(), "compare", "--from", "Duisburg", "--to", "Xi'an", "--as-of", "2024-08-01", "--cargo", "military", "--json");

        Assert.Equal(0, run.ExitCode);
        using JsonDocument json = JsonDocument.Parse(run.Output);
        JsonElement northern = json.RootElement.GetProperty("comparisons").EnumerateArray().Single(c => c.GetProperty("corridorId").GetString() == "northern");
        Assert.Equal("ROUTE_OUTCOME_PROHIBITED", northern.GetProperty("outcome").GetString());
        JsonElement risk = northern.GetProperty("sanctionRisk");
        Assert.Equal(["EU-BY-TRANSIT-2024", "EU-RU-TRANSIT-FIREARMS-2023"], risk.GetProperty("prohibitingMeasureIds").EnumerateArray().Select(e => e.GetString()));
        string[] titles = [.. risk.GetProperty("exposures").EnumerateArray().Where(e => e.GetProperty("prohibits").GetBoolean()).Select(e => e.GetProperty("title").GetString()!)];
        Assert.Contains(titles, t => t.Contains("Regulation (EU) 2023/427", StringComparison.Ordinal));
        Assert.Contains(titles, t => t.Contains("Regulation (EU) 2024/1865", StringComparison.Ordinal));
    }
}
