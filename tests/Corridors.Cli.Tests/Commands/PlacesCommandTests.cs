using System.Text.Json;

namespace Corridors.Cli.Tests.Commands;

public sealed class PlacesCommandTests
{
    [Fact]
    public void Json_IsOneArrayWithEveryPlaceAndItsFields()
    {
        CliRun run = CliRun.Invoke("places", "--json", "--dir", CliRun.ValidFixture);

        Assert.Equal(0, run.ExitCode);
        using JsonDocument document = JsonDocument.Parse(run.Output);
        JsonElement[] places = [.. document.RootElement.EnumerateArray()];
        Assert.Equal(8, places.Length);
        JsonElement malaszewicze = places.Single(p => p.GetProperty("id").GetString() == "malaszewicze");
        Assert.Equal("Małaszewicze", malaszewicze.GetProperty("name").GetString());
        Assert.Equal("PL", malaszewicze.GetProperty("country").GetString());
        Assert.Equal("border-crossing", malaszewicze.GetProperty("kind").GetString());
        Assert.Equal("PLMAL", malaszewicze.GetProperty("unlocode").GetString());
        Assert.Equal(52.03, malaszewicze.GetProperty("latitudeDeg").GetDouble(), 6);
        Assert.Equal(23.53, malaszewicze.GetProperty("longitudeDeg").GetDouble(), 6);
        Assert.Equal(["Malaszewicze"], malaszewicze.GetProperty("aliases").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal(JsonValueKind.Null, places.Single(p => p.GetProperty("id").GetString() == "dostyk").GetProperty("unlocode").ValueKind);
    }

    [Fact]
    public void Corridor_ListsItsLinkEndsAndEndPlacesOnly()
    {
        CliRun run = CliRun.Invoke("places", "--json", "--corridor", "maritime", "--dir", CliRun.ValidFixture);

        Assert.Equal(0, run.ExitCode);
        using JsonDocument document = JsonDocument.Parse(run.Output);
        Assert.Equal(["duisburg", "rotterdam", "shanghai", "xian"], document.RootElement.EnumerateArray().Select(p => p.GetProperty("id").GetString()));
    }

    [Fact]
    public void Table_HasAHeaderAndOneAlignedRowPerPlace()
    {
        CliRun run = CliRun.Invoke("places", "--corridor", "maritime", "--dir", CliRun.ValidFixture);

        Assert.Equal(0, run.ExitCode);
        string[] lines = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("ID         NAME       COUNTRY  KIND     UNLOCODE", lines[0]);
        Assert.Equal("xian       Xi'an      CN       city     CNXIA", lines[4]);
        Assert.Equal("4 places", lines[^1]);
    }

    [Fact]
    public void UnknownCorridor_ExitsTwoNamingTheKnownOnes()
    {
        CliRun run = CliRun.Invoke("places", "--corridor", "northern", "--dir", CliRun.ValidFixture);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("", run.Output);
        Assert.Equal("corridors: unknown corridor 'northern'; known corridors: overland, maritime", run.Error.Trim());
    }

    [Fact]
    public void InvalidNetwork_ExitsOneWithProblemsAndNoListing()
    {
        using var temp = new TempFolder();
        string network = temp.CopyValidFixture("broken");
        File.Delete(Path.Combine(network, "sources.csv"));

        CliRun run = CliRun.Invoke("places", "--dir", network);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("", run.Output);
        Assert.Contains("sources.csv: required file 'sources.csv' is missing from the network folder [missing-file]", run.ErrorLines);
    }
}
