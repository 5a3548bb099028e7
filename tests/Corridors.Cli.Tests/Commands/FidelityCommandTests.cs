namespace Corridors.Cli.Tests.Commands;

public sealed class FidelityCommandTests
{
    [Fact]
    public void Fidelity_PrintsEveryPublishedFigureBesideTheModel_AndTheCountWithinTolerance()
    {
        CliRun run = CliRun.InvokeIn(CliRun.RepositoryRoot(), "fidelity");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("", run.Error);
        string[] lines = run.Output.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("SOURCE", lines[0], StringComparison.Ordinal);
        Assert.Equal(21, lines.Count(l => l.Contains(" km ", StringComparison.Ordinal) || l.Contains(" nm ", StringComparison.Ordinal) || l.Contains(" d ", StringComparison.Ordinal)));
        Assert.Contains(lines, l => l.StartsWith("M-COSCO-SHANGHAI-PIRAEUS", StringComparison.Ordinal) && l.Contains("7,878 nm", StringComparison.Ordinal)
                                    && l.Contains("7,877 nm", StringComparison.Ordinal) && l.Contains("within", StringComparison.Ordinal));
        Assert.Equal("20 of 21 figures within tolerance (land distance ±12 %, sea distance ±3 %, transit P50 inside a published range or a single published value inside P10–P90)", lines[^1]);
    }

    [Fact]
    public void BrokenFigureFile_ExitsOne_NamingTheProblem_AndPrintsNoTable()
    {
        using var temp = new TempFolder();
        string networks = Path.Combine(temp.Path, "networks");
        CopyFolder(Path.Combine(CliRun.RepositoryRoot(), "networks"), networks);
        File.WriteAllText(Path.Combine(networks, "published-figures.json"),
            """{ "figures": [ { "source": "MC-10", "from": "atlantis", "to": "duisburg", "corridor": "middle", "asOf": "2024-01-01", "transitDays": [20, 25] } ] }""");

        CliRun run = CliRun.InvokeIn(temp.Path, "fidelity", "--dir", networks);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("", run.Output);
        Assert.Equal(["published-figures.json: figures[0]: from: unknown place 'atlantis'", "published-figures.json has 1 problem(s)"], run.ErrorLines);
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (string directory in Directory.GetDirectories(from, "*", SearchOption.AllDirectories))
        {
            Directory.CreateDirectory(directory.Replace(from, to, StringComparison.Ordinal));
        }

        Directory.CreateDirectory(to);
        foreach (string file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            File.Copy(file, file.Replace(from, to, StringComparison.Ordinal));
        }
    }
}
