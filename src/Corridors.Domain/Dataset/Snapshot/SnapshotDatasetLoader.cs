using System.Security.Cryptography;
using System.Text;
using NetTopologySuite.Geometries;

namespace Corridors.Domain.Dataset.Snapshot;

/// <summary>
/// Loads a dataset from its snapshot when one matches, else from the network files with
/// <see cref="CorridorDatasetLoader"/> and then writes a new snapshot. A snapshot is used only when it was made from
/// exactly these files by this build of the code (<see cref="SnapshotKey"/>) and is whole (<see cref="SnapshotFile"/>);
/// a stale, damaged or unreadable one is never trusted: the sources are loaded and the snapshot rewritten. An invalid
/// network is reported from the sources every time and never snapshotted. A folder that cannot be written only means
/// there is no snapshot.
/// </summary>
/// <param name="snapshotDirectory">Where snapshots live (one file per network folder); null turns snapshots off.</param>
/// <param name="toolVersion">The producing tool's version; part of the key.</param>
public sealed class SnapshotDatasetLoader(GeometryFactory geometryFactory, string? snapshotDirectory, string toolVersion)
{
    public (CorridorDatasetLoadResult Result, SnapshotReport Snapshot) Load(string networkDirectory)
    {
        if (snapshotDirectory is null || !Directory.Exists(networkDirectory))
        {
            return (new CorridorDatasetLoader(geometryFactory).Load(networkDirectory), new SnapshotReport(SnapshotState.Off, false, "snapshots off"));
        }

        byte[] key = SnapshotKey.Compute(networkDirectory, toolVersion);
        string path = SnapshotPath(networkDirectory);
        (SnapshotState found, byte[]? payload, string detail) = SnapshotFile.Read(path, key);
        if (payload is not null)
        {
            try
            {
                return (new CorridorDatasetLoadResult(DatasetCodec.Decode(payload, geometryFactory), []), new SnapshotReport(SnapshotState.Valid, false, detail));
            }
            catch (Exception e) when (e is InvalidDataException or EndOfStreamException)
            {
                (found, detail) = (SnapshotState.Corrupt, $"does not decode: {e.Message}");
            }
        }

        CorridorDatasetLoadResult result = new CorridorDatasetLoader(geometryFactory).Load(networkDirectory);
        bool written = result.Dataset is { } dataset && TryEncode(dataset) is { } bytes && SnapshotFile.TryWrite(path, key, bytes);
        return (result, new SnapshotReport(found, written, detail));
    }

    /// <summary>The snapshot file of a network folder: named by a hash of the folder's full path, so folders never share one.</summary>
    public string SnapshotPath(string networkDirectory)
    {
        ArgumentNullException.ThrowIfNull(snapshotDirectory);
        byte[] pathHash = SHA256.HashData(Encoding.UTF8.GetBytes(Path.GetFullPath(networkDirectory)));
        return Path.Combine(snapshotDirectory, $"dataset-{Convert.ToHexStringLower(pathHash.AsSpan(0, 8))}.snapshot");
    }

    private static byte[]? TryEncode(CorridorDataset dataset)
    {
        try
        {
            return DatasetCodec.Encode(dataset);
        }
        catch (NotSupportedException)
        {
            // A kind of value the snapshot cannot carry yet: load from the files every time rather than lose it.
            return null;
        }
    }
}
