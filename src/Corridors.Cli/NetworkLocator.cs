using System.CommandLine;
using Corridors.Domain.Dataset;
using Corridors.Domain.Dataset.Snapshot;
using Corridors.Domain.Network;
using Corridors.Domain.Network.Loading;
using Corridors.Domain.Network.Validation;

namespace Corridors.Cli;

/// <summary>
/// Finds the network folder a command names and loads it, printing problems. Shared by every command that needs
/// the network, so they all find it the same way.
/// </summary>
internal sealed class NetworkLocator(CliContext context)
{
    /// <summary>The folder used when none is given.</summary>
    public const string DefaultDirectory = "networks";

    /// <summary>
    /// The <c>--dir</c> option of every command that reads the networks. Left out, the default lookup applies (see
    /// <see cref="Resolve"/>); a folder given is used as given, never swapped for the copy installed with the tool.
    /// </summary>
    public static Option<string?> DirectoryOption() => new("--dir")
    {
        Description = "Network folder (default: networks/ in the current folder or the repository, else the copy installed with the tool).",
    };

    /// <summary>The file that marks the repository root.</summary>
    public const string SolutionFileName = "Corridors.sln";

    /// <summary>
    /// An absolute path as given; a relative one against the current folder if it exists there, else against the
    /// nearest ancestor folder holding <c>Corridors.sln</c> (so <c>corridors validate</c> works from any sub-folder
    /// of the repository); else, when no folder was named, the networks installed with the tool
    /// (<see cref="CliContext.BundledNetworksDirectory"/>, so an installed tool answers from any folder); else
    /// relative to the current folder, where loading will report it missing.
    /// </summary>
    public string Resolve(string? requested)
    {
        string name = string.IsNullOrWhiteSpace(requested) ? DefaultDirectory : requested;
        if (Path.IsPathRooted(name))
        {
            return Path.GetFullPath(name);
        }

        string here = Path.GetFullPath(Path.Combine(context.CurrentDirectory, name));
        if (Directory.Exists(here))
        {
            return here;
        }

        if (RepositoryRoot(context.CurrentDirectory) is { } root
            && Path.GetFullPath(Path.Combine(root, name)) is var inRepository && Directory.Exists(inRepository))
        {
            return inRepository;
        }

        if (string.IsNullOrWhiteSpace(requested) && context.BundledNetworksDirectory is { } bundled && Directory.Exists(bundled))
        {
            return bundled;
        }

        return here;
    }

    /// <summary>The nearest folder at or above <paramref name="start"/> holding <c>Corridors.sln</c>; null outside a clone.</summary>
    public static string? RepositoryRoot(string start)
    {
        for (DirectoryInfo? dir = new(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, SolutionFileName)))
            {
                return dir.FullName;
            }
        }

        return null;
    }

    /// <summary>Loads and validates the folder named by <paramref name="requested"/>.</summary>
    public (string Directory, NetworkLoadResult Result) Load(string? requested)
    {
        string directory = Resolve(requested);
        return (directory, new NetworkLoader(context.GeometryFactory).Load(directory));
    }

    /// <summary>
    /// The valid network, or null after printing every problem to stderr (the caller then exits with
    /// <see cref="ExitCodes.InvalidNetwork"/>).
    /// </summary>
    public CorridorNetwork? LoadOrReport(string? requested)
    {
        (string directory, NetworkLoadResult result) = Load(requested);
        if (result.IsValid)
        {
            return result.Network;
        }

        ReportProblems(directory, result.Problems);
        return null;
    }

    /// <summary>
    /// The valid dataset (network, sanction measures, emission factors), or null after printing every problem to
    /// stderr (the caller then exits with <see cref="ExitCodes.InvalidNetwork"/>). Read from the folder's snapshot
    /// when one matches the files exactly (<see cref="SnapshotFolder"/>), else from the files, which refreshes it.
    /// </summary>
    public CorridorDataset? LoadDatasetOrReport(string? requested)
    {
        string directory = Resolve(requested);
        (CorridorDatasetLoadResult result, _) = new SnapshotDatasetLoader(context.GeometryFactory, SnapshotFolder.For(context), SnapshotFolder.ToolVersion)
            .Load(directory);
        if (result.Dataset is not null)
        {
            return result.Dataset;
        }

        foreach (string problem in result.Problems)
        {
            context.Error.WriteLine(problem);
        }

        context.Error.WriteLine($"networks have {result.Problems.Count} problem{(result.Problems.Count == 1 ? "" : "s")} ({directory})");
        return null;
    }

    /// <summary>One problem per line (<c>file: feature id: field: message [rule]</c>), then a count.</summary>
    public void ReportProblems(string directory, IReadOnlyList<NetworkProblem> problems)
    {
        foreach (NetworkProblem problem in problems)
        {
            context.Error.WriteLine(problem.ToString());
        }

        context.Error.WriteLine($"network has {problems.Count} problem{(problems.Count == 1 ? "" : "s")} ({directory})");
    }
}
