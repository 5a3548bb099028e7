using System.Text.Json.Nodes;

namespace Corridors.Server.Tests.Support;

/// <summary>A temporary copy of the real <c>networks/</c> folder that a test may change; deleted on dispose.</summary>
public sealed class NetworkCopy : IDisposable
{
    public NetworkCopy()
    {
        Directory = Path.Combine(Path.GetTempPath(), "corridors-networks-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
        foreach (string file in System.IO.Directory.EnumerateFiles(RealNetworks, "*", SearchOption.AllDirectories))
        {
            string target = Path.Combine(Directory, Path.GetRelativePath(RealNetworks, file));
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    public string Directory { get; }

    /// <summary>The repository's <c>networks/</c> folder, found from the test's output folder.</summary>
    public static string RealNetworks
    {
        get
        {
            for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Corridors.sln")))
                {
                    return Path.Combine(dir.FullName, "networks");
                }
            }

            throw new InvalidOperationException("Corridors.sln not found above " + AppContext.BaseDirectory);
        }
    }

    /// <summary>Adds an alias to a place in places.geojson.</summary>
    public void AddAlias(string placeId, string alias)
    {
        string path = Path.Combine(Directory, "places.geojson");
        JsonNode root = JsonNode.Parse(File.ReadAllText(path))!;
        JsonNode feature = root["features"]!.AsArray().Single(f => (string?)f!["id"] == placeId)!;
        feature["properties"]!["aliases"]!.AsArray().Add(alias);
        File.WriteAllText(path, root.ToJsonString());
    }

    public void Write(string fileName, string content) => File.WriteAllText(Path.Combine(Directory, fileName), content);

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}
