namespace Corridors.Cli.Tests;

/// <summary>Runs the CLI in-process with captured output, as <c>corridors ARGS</c> run from <paramref name="CurrentDirectory"/>.</summary>
internal sealed record CliRun(int ExitCode, string Output, string Error)
{
    public static string ValidFixture => Path.Combine(AppContext.BaseDirectory, "Fixtures", "valid");

    public static CliRun InvokeIn(string currentDirectory, params string[] args) => InvokeOn(TestDates.ReviewDayCalendar, currentDirectory, args);

    /// <summary>As <see cref="InvokeIn"/>, with another business date.</summary>
    public static CliRun InvokeOn(Domain.Dates.BusinessCalendar calendar, string currentDirectory, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        int exitCode = CorridorsCli.Run(args, new CliContext(output, error, currentDirectory, calendar));
        return new CliRun(exitCode, output.ToString(), error.ToString());
    }

    public static CliRun Invoke(params string[] args) => InvokeIn(AppContext.BaseDirectory, args);

    /// <summary>The folder holding <c>Corridors.sln</c>, found by walking up from the test assembly.</summary>
    public static string RepositoryRoot()
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Corridors.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Corridors.sln not found");
    }

    public string[] ErrorLines => Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

/// <summary>A temp folder removed after the test.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "corridors-cli-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    /// <summary>Copies the valid fixture into a sub-folder and returns its path.</summary>
    public string CopyValidFixture(string name)
    {
        string target = System.IO.Path.Combine(Path, name);
        Directory.CreateDirectory(target);
        foreach (string file in Directory.EnumerateFiles(CliRun.ValidFixture, "*", SearchOption.AllDirectories))
        {
            string copy = System.IO.Path.Combine(target, System.IO.Path.GetRelativePath(CliRun.ValidFixture, file));
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }

        return target;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}
