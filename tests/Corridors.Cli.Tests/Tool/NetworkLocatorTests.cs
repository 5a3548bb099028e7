namespace Corridors.Cli.Tests.Tool;

/// <summary>Which networks folder a command reads: --dir, ./networks, the clone's networks/, then the tool's own copy.</summary>
public sealed class NetworkLocatorTests
{
    private static readonly string[] Compare = ["compare", "--from", "xian", "--to", "duisburg", "--json"];

    [Fact]
    public void OutsideAClone_WithoutNetworksHere_TheToolsOwnNetworksAreUsed()
    {
        using var temp = new TempFolder();
        string bundled = temp.CopyValidFixture("installed-networks");

        string resolved = Locator(temp.Path, bundled).Resolve(null);

        Assert.Equal(bundled, resolved);
    }

    [Fact]
    public void OutsideAClone_InstalledTool_AnswersFromItsOwnNetworks()
    {
        using var temp = new TempFolder();

        CliRun run = ToolRun.Invoke(temp.Path, SnapshotFolder.OffValue, ToolRun.RepositoryNetworks, Compare);
        CliRun inClone = ToolRun.Invoke(CliRun.RepositoryRoot(), SnapshotFolder.OffValue, null, Compare);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(inClone.Output, run.Output);
    }

    [Fact]
    public void InsideAClone_TheClonesNetworksWin_OverTheToolsOwn()
    {
        using var temp = new TempFolder();
        string bundled = temp.CopyValidFixture("installed-networks");
        string subfolder = Path.Combine(CliRun.RepositoryRoot(), "src");

        Assert.Equal(ToolRun.RepositoryNetworks, Locator(subfolder, bundled).Resolve(null));
    }

    [Fact]
    public void NetworksInTheCurrentFolder_WinOverTheToolsOwn()
    {
        using var temp = new TempFolder();
        string here = temp.CopyValidFixture(NetworkLocator.DefaultDirectory);
        string bundled = temp.CopyValidFixture("installed-networks");

        Assert.Equal(here, Locator(temp.Path, bundled).Resolve(NetworkLocator.DefaultDirectory));
    }

    [Fact]
    public void DirOption_IsUsedAsGiven_EvenWithTheToolsOwnNetworks()
    {
        using var temp = new TempFolder();
        string chosen = temp.CopyValidFixture("mine");
        string bundled = temp.CopyValidFixture("installed-networks");

        Assert.Equal(chosen, Locator(CliRun.RepositoryRoot(), bundled).Resolve(chosen));
        Assert.Equal(chosen, Locator(temp.Path, bundled).Resolve("mine"));
    }

    [Fact]
    public void MissingFolderNamedByDir_IsReportedMissing_NotReplacedByTheToolsOwn()
    {
        using var temp = new TempFolder();

        CliRun run = ToolRun.Invoke(temp.Path, SnapshotFolder.OffValue, ToolRun.RepositoryNetworks, [.. Compare, "--dir", "typo-networks"]);

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains(Path.Combine(temp.Path, "typo-networks"), run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("compare")]
    [InlineData("places")]
    [InlineData("fidelity")]
    public void DefaultNameGivenExplicitly_IsUsedAsGiven_NotReplacedByTheToolsOwn(string command)
    {
        using var temp = new TempFolder();
        string[] args = command == "compare" ? [.. Compare, "--dir", "networks"] : [command, "--dir", "networks"];

        CliRun run = ToolRun.Invoke(temp.Path, SnapshotFolder.OffValue, ToolRun.RepositoryNetworks, args);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains(Path.Combine(temp.Path, "networks"), run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void BuildWithoutOwnNetworks_OutsideAClone_ReportsTheMissingFolder()
    {
        using var temp = new TempFolder();

        string resolved = Locator(temp.Path, Path.Combine(temp.Path, "not-installed", "networks")).Resolve(null);

        Assert.Equal(Path.Combine(temp.Path, NetworkLocator.DefaultDirectory), resolved);
    }

    private static NetworkLocator Locator(string currentDirectory, string? bundled) =>
        new(new CliContext(TextWriter.Null, TextWriter.Null, currentDirectory, TestDates.ReviewDayCalendar, _ => null, bundled));
}
