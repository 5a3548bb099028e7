namespace Corridors.Server.Hosting;

/// <summary>Finds a folder named by the options (the networks, the dashboard's files) in a clone of the repository.</summary>
internal static class RepositoryFolder
{
    /// <summary>The file that marks the repository root.</summary>
    public const string SolutionFileName = "Corridors.sln";

    /// <summary>
    /// An absolute path as given; a relative one against the content root if it exists there, else against the
    /// nearest ancestor of the content root holding <c>Corridors.sln</c>; else against the content root, where
    /// loading reports it missing.
    /// </summary>
    public static string Resolve(string configured, string contentRoot)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(configured);
        ArgumentException.ThrowIfNullOrWhiteSpace(contentRoot);
        if (Path.IsPathRooted(configured))
        {
            return Path.GetFullPath(configured);
        }

        string underContentRoot = Path.GetFullPath(Path.Combine(contentRoot, configured));
        if (Directory.Exists(underContentRoot))
        {
            return underContentRoot;
        }

        for (DirectoryInfo? dir = new(contentRoot); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, SolutionFileName)))
            {
                return Path.GetFullPath(Path.Combine(dir.FullName, configured));
            }
        }

        return underContentRoot;
    }
}
