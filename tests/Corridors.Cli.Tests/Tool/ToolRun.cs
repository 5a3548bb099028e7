namespace Corridors.Cli.Tests.Tool;

/// <summary>
/// Runs the CLI in-process as the installed tool would: with its own environment (so the snapshot folder is the
/// test's) and, when given, the networks folder shipped beside the program.
/// </summary>
internal static class ToolRun
{
    public static CliRun Invoke(string currentDirectory, string snapshotFolder, string? bundledNetworks, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var context = new CliContext(
            output,
            error,
            currentDirectory,
            TestDates.ReviewDayCalendar,
            environment: name => name == SnapshotFolder.Variable ? snapshotFolder : null,
            bundledNetworksDirectory: bundledNetworks);
        int exitCode = CorridorsCli.Run(args, context);
        return new CliRun(exitCode, output.ToString(), error.ToString());
    }

    public static string RepositoryNetworks => Path.Combine(CliRun.RepositoryRoot(), NetworkLocator.DefaultDirectory);
}
