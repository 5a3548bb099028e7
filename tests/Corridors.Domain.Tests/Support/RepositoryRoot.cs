namespace Corridors.Domain.Tests.Support;

internal static class RepositoryRoot
{
    /// <summary>The folder holding <c>Corridors.sln</c>, found by walking up from the test assembly.</summary>
    public static string Find()
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Corridors.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No Corridors.sln above {AppContext.BaseDirectory}.");
    }
}
