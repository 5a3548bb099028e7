using Corridors.Domain.Dataset;
using Corridors.Domain.Dataset.Snapshot;
using Corridors.Domain.Geo;
using Corridors.Domain.Tests.Support;

namespace Corridors.Domain.Tests.Dataset.Snapshot;

/// <summary>A temp folder with a copy of the real networks and a snapshot folder beside it; removed after the test.</summary>
internal sealed class SnapshotWorkspace : IDisposable
{
    public const string ToolVersion = "test-1.0.0";

    public SnapshotWorkspace()
    {
        Root = Path.Combine(Path.GetTempPath(), "corridors-snapshot-" + Guid.NewGuid().ToString("N"));
        Networks = Path.Combine(Root, "networks");
        Snapshots = Path.Combine(Root, "cache");
        string source = Path.Combine(RepositoryRoot.Find(), "networks");
        foreach (string file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            string copy = Path.Combine(Networks, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }
    }

    public string Root { get; }

    public string Networks { get; }

    public string Snapshots { get; }

    public SnapshotDatasetLoader Loader(string? snapshots = null, string toolVersion = ToolVersion) =>
        new(Wgs84.CreateFactory(), snapshots ?? Snapshots, toolVersion);

    public (CorridorDatasetLoadResult Result, SnapshotReport Snapshot) Load() => Loader().Load(Networks);

    public string SnapshotPath => Loader().SnapshotPath(Networks);

    /// <summary>The dataset loaded from the files alone, the reference every snapshot answer must equal.</summary>
    public CorridorDataset FromSources() => new CorridorDatasetLoader(Wgs84.CreateFactory()).Load(Networks).Dataset
        ?? throw new InvalidOperationException("the copied networks do not load");

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}
