using System.Diagnostics;
using System.Text.Json;

namespace Corridors.Cli.Tests.Tool;

/// <summary>
/// The CLI project packs as a .NET tool named <c>corridors</c> with the networks inside. Checked by asking MSBuild to
/// evaluate the project (no restore, no network, under a second); running <c>dotnet pack</c> itself takes about a minute
/// and needs the NuGet feed, so the README gives that check by hand.
/// </summary>
public sealed class ToolPackageTests
{
    private static readonly TimeSpan EvaluationTimeout = TimeSpan.FromMinutes(2);

    [Fact]
    public void CliProject_PacksAsToolNamedCorridors_ReadyToRun()
    {
        JsonElement properties = Evaluate("-getProperty:PackAsTool", "-getProperty:ToolCommandName", "-getProperty:PackageId", "-getProperty:PublishReadyToRun", "-getProperty:ToolPackageRuntimeIdentifiers")
            .GetProperty("Properties");

        Assert.Equal("true", properties.GetProperty("PackAsTool").GetString());
        Assert.Equal("corridors", properties.GetProperty("ToolCommandName").GetString());
        Assert.Equal("Corridors.Cli", properties.GetProperty("PackageId").GetString());
        Assert.Equal("true", properties.GetProperty("PublishReadyToRun").GetString());
        // linux-x64 gets the precompiled package; "any" keeps the tool installable everywhere else.
        Assert.Equal(["linux-x64", "any"], properties.GetProperty("ToolPackageRuntimeIdentifiers").GetString()!.Split(';'));
    }

    [Fact]
    public void EveryNetworkFile_IsPublishedIntoTheTool_AndNotIntoTheBuildOutput()
    {
        string networks = ToolRun.RepositoryNetworks;
        JsonElement[] items = [.. Evaluate("-getItem:None").GetProperty("Items").GetProperty("None").EnumerateArray()];
        Dictionary<string, JsonElement> byFile = items.ToDictionary(i => i.GetProperty("FullPath").GetString()!, StringComparer.Ordinal);

        string[] files = Directory.GetFiles(networks, "*", SearchOption.AllDirectories);
        Assert.True(files.Length > 10, $"{files.Length} network files");
        Assert.All(files, file =>
        {
            Assert.True(byFile.TryGetValue(file, out JsonElement item), $"{file} is not packed");
            string expectedLink = Path.Combine(NetworkLocator.DefaultDirectory, Path.GetRelativePath(networks, file));
            Assert.Equal(expectedLink, item.GetProperty("Link").GetString());
            Assert.Equal("PreserveNewest", item.GetProperty("CopyToPublishDirectory").GetString());
            Assert.Equal("Never", item.GetProperty("CopyToOutputDirectory").GetString());
        });
    }

    private static JsonElement Evaluate(params string[] queries)
    {
        string project = Path.Combine(CliRun.RepositoryRoot(), "src", "Corridors.Cli", "Corridors.Cli.csproj");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in (string[])["msbuild", project, "-nologo", .. queries])
        {
            start.ArgumentList.Add(argument);
        }

        using Process process = Process.Start(start)!;
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(EvaluationTimeout))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"dotnet msbuild did not finish within {EvaluationTimeout}");
        }

        Assert.True(process.ExitCode == 0, $"dotnet msbuild exited {process.ExitCode}: {error.Result}");
        return JsonDocument.Parse(output.Result).RootElement.Clone();
    }
}
