namespace Corridors.Cli.Tests.Tool;

/// <summary>The answers printed from a dataset snapshot are the answers printed from the network files, byte for byte.</summary>
public sealed class SnapshotOutputTests
{
    [Theory]
    [InlineData("compare --from xian --to duisburg --json")]
    [InlineData("compare --from chongqing --to rotterdam --objective lowest-risk --as-of 2024-06-01 --json")]
    [InlineData("compare --from xian --to duisburg --scenario red-sea-closed --baseline --json")]
    [InlineData("route --from xian --to duisburg --alternatives 2 --json")]
    [InlineData("pareto --from xian --to duisburg --json")]
    [InlineData("compare --from xian --to duisburg")]
    public void Answer_FromSnapshot_IsByteIdentical_ToAnswer_FromFiles(string commandLine)
    {
        string[] args = commandLine.Split(' ');
        using var temp = new TempFolder();
        string snapshots = Path.Combine(temp.Path, "cache");
        string networks = ToolRun.RepositoryNetworks;

        CliRun fromFiles = ToolRun.Invoke(temp.Path, SnapshotFolder.OffValue, null, [.. args, "--dir", networks]);
        CliRun writingSnapshot = ToolRun.Invoke(temp.Path, snapshots, null, [.. args, "--dir", networks]);
        string snapshot = Assert.Single(Directory.GetFiles(snapshots));
        CliRun fromSnapshot = ToolRun.Invoke(temp.Path, snapshots, null, [.. args, "--dir", networks]);

        Assert.Equal(0, fromFiles.ExitCode);
        Assert.Contains("duisburg", fromFiles.Output, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(fromFiles.Output, writingSnapshot.Output);
        Assert.Equal(fromFiles.Output, fromSnapshot.Output);
        Assert.Equal(fromFiles.Error, fromSnapshot.Error);
        Assert.Equal(0, fromSnapshot.ExitCode);
        Assert.EndsWith(".snapshot", snapshot, StringComparison.Ordinal);
    }

    [Fact]
    public void CorruptSnapshot_GivesTheSameAnswer_AndIsReplaced()
    {
        using var temp = new TempFolder();
        string snapshots = Path.Combine(temp.Path, "cache");
        string[] args = ["compare", "--from", "xian", "--to", "duisburg", "--json", "--dir", ToolRun.RepositoryNetworks];
        CliRun first = ToolRun.Invoke(temp.Path, snapshots, null, args);
        string snapshot = Assert.Single(Directory.GetFiles(snapshots));
        byte[] whole = File.ReadAllBytes(snapshot);
        File.WriteAllBytes(snapshot, whole[..(whole.Length / 2)]);

        CliRun afterDamage = ToolRun.Invoke(temp.Path, snapshots, null, args);

        Assert.Equal(0, afterDamage.ExitCode);
        Assert.Equal(first.Output, afterDamage.Output);
        Assert.Equal(whole, File.ReadAllBytes(snapshot));
    }
}
