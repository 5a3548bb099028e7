namespace Corridors.Cli.Tests.Commands;

public sealed class ValidateCommandTests
{
    [Fact]
    public void ValidFixture_PrintsCountsAndExitsZero()
    {
        CliRun run = CliRun.Invoke("validate", CliRun.ValidFixture);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(
            "network OK: 8 places, 9 links, 2 corridors, 6 sources\n"
            + "sanctions OK: 0 measures from 2014-01-01; emission factors OK: 13 factors, grid intensities for 2 countries 2023-2024\n"
            + "as-of dates answered: 2014-01-01 … 2040-12-31\n"
            + "sanctions/measures.json: reviewed 2026-11-29, fresh until 2027-11-29, 365 day(s) left on 2026-11-29\n"
            + "network, emission factors: no review date recorded (each figure names its own source)",
            run.Output.Trim());
        Assert.Equal("", run.Error);
    }

    [Fact]
    public void BrokenFixture_PrintsEveryProblemOnStderrAndExitsOne()
    {
        using var temp = new TempFolder();
        string network = temp.CopyValidFixture("broken");
        string access = Path.Combine(network, "access.geojson");
        File.WriteAllText(access, File.ReadAllText(access)
            .Replace("\"mode\": \"rail\"", "\"mode\": \"train\"", StringComparison.Ordinal));
        File.WriteAllText(Path.Combine(network, "maritime.geojson"), "{ not json");

        CliRun run = CliRun.Invoke("validate", network);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("", run.Output);
        Assert.Contains("access.geojson: xian-shanghai: mode: unknown mode 'train'; allowed: rail, road, sea, ferry, inland-waterway [unknown-mode]", run.ErrorLines);
        Assert.Contains(run.ErrorLines, l => l.StartsWith("maritime.geojson: malformed JSON at line 1", StringComparison.Ordinal) && l.EndsWith("[malformed-json]", StringComparison.Ordinal));
        // Four rail access links use "rail", plus the malformed file, plus the count line.
        Assert.Equal(6, run.ErrorLines.Length);
        Assert.Equal($"network has 5 problems ({network})", run.ErrorLines[^1]);
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void NoDirectory_FindsNetworksByWalkingUpToTheSolutionFolder()
    {
        using var temp = new TempFolder();
        File.WriteAllText(Path.Combine(temp.Path, "Corridors.sln"), "");
        temp.CopyValidFixture("networks");
        string deep = Directory.CreateDirectory(Path.Combine(temp.Path, "src", "Corridors.Cli")).FullName;

        CliRun run = CliRun.InvokeIn(deep, "validate");

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("network OK: 8 places", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingDirectory_IsAProblemNotACrash()
    {
        using var temp = new TempFolder();

        CliRun run = CliRun.InvokeIn(temp.Path, "validate", "nowhere");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"network folder '{Path.Combine(temp.Path, "nowhere")}' does not exist [missing-file]", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownCommand_IsUsageErrorTwo()
    {
        CliRun run = CliRun.Invoke("frobnicate");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Unrecognized command or argument 'frobnicate'", run.Error, StringComparison.Ordinal);
        Assert.Contains("corridors --help", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Help_ListsTheCommandsAndExitsZero()
    {
        CliRun run = CliRun.Invoke("--help");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("validate", run.Output, StringComparison.Ordinal);
        Assert.Contains("places", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void MalformedMeasuresFile_IsReportedWithExitCode1()
    {
        using var temp = new TempFolder();
        string networks = temp.CopyValidFixture("networks");
        File.WriteAllText(Path.Combine(networks, "sanctions", "measures.json"), "{ \"coverage\": ");

        CliRun run = CliRun.Invoke("validate", networks);

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("measures.json", run.ErrorLines[0], StringComparison.Ordinal);
        Assert.Equal($"networks have 1 problem ({networks})", run.ErrorLines[^1]);
    }
}
