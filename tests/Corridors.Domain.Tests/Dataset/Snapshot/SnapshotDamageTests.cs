using System.Buffers.Binary;
using Corridors.Domain.Dataset;
using Corridors.Domain.Dataset.Snapshot;
using Corridors.Domain.Geo;
using Corridors.Domain.Network;

namespace Corridors.Domain.Tests.Dataset.Snapshot;

/// <summary>
/// A snapshot that does not match the files, or is damaged, is detected, not used, and replaced by one rebuilt from the
/// files; the dataset then equals the one loaded from the files.
/// </summary>
public sealed class SnapshotDamageTests
{
    // Header layout (SnapshotFile): magic 8 | version 4 | key 32 | payload length 8 | payload SHA-256 32 | payload.
    private const int VersionOffset = 8;
    private const int KeyOffset = 12;
    private const int LengthOffset = 44;
    private const int ChecksumOffset = 52;
    private const int Header = SnapshotFile.HeaderSizeInBytes;

    public static TheoryData<string, SnapshotState> Damages => new()
    {
        { "empty file", SnapshotState.Corrupt },
        { "cut inside the header", SnapshotState.Corrupt },
        { "cut in the middle of the payload", SnapshotState.Corrupt },
        { "last byte missing", SnapshotState.Corrupt },
        { "one byte appended", SnapshotState.Corrupt },
        { "magic bytes changed", SnapshotState.Corrupt },
        { "format version 99", SnapshotState.OtherFormat },
        { "bit flipped in the key", SnapshotState.Stale },
        { "bit flipped in the length", SnapshotState.Corrupt },
        { "bit flipped in the checksum", SnapshotState.Corrupt },
        { "bit flipped in the first payload byte", SnapshotState.Corrupt },
        { "bit flipped a third into the payload", SnapshotState.Corrupt },
        { "bit flipped two thirds into the payload", SnapshotState.Corrupt },
        { "bit flipped in the last payload byte", SnapshotState.Corrupt },
        { "not a snapshot at all", SnapshotState.Corrupt },
    };

    [Theory]
    [MemberData(nameof(Damages))]
    public void DamagedSnapshot_IsDetected_NotUsed_AndRebuilt(string damage, SnapshotState expected)
    {
        using var workspace = new SnapshotWorkspace();
        workspace.Load();
        byte[] whole = File.ReadAllBytes(workspace.SnapshotPath);
        File.WriteAllBytes(workspace.SnapshotPath, Damage(whole, damage));

        (CorridorDatasetLoadResult result, SnapshotReport report) = workspace.Load();

        Assert.Equal(expected, report.Found);
        Assert.False(report.UsedSnapshot);
        Assert.True(report.Rewritten, report.Detail);
        Assert.Null(DeepEquality.FirstDifference(workspace.FromSources(), result.Dataset));
        Assert.Equal(whole, File.ReadAllBytes(workspace.SnapshotPath));
        Assert.True(workspace.Load().Snapshot.UsedSnapshot);
    }

    [Fact]
    public void PayloadWithValidChecksum_ThatDoesNotDecode_IsCorrupt_AndRebuilt()
    {
        using var workspace = new SnapshotWorkspace();
        workspace.Load();
        // Whole by every header check (right key, length and checksum) but not a dataset: the decoder itself must refuse it.
        byte[] key = SnapshotKey.Compute(workspace.Networks, SnapshotWorkspace.ToolVersion);
        Assert.True(SnapshotFile.TryWrite(workspace.SnapshotPath, key, [0xFF, 0xFF, 0xFF, 0x7F, 1, 2, 3]));

        (CorridorDatasetLoadResult result, SnapshotReport report) = workspace.Load();

        Assert.Equal(SnapshotState.Corrupt, report.Found);
        Assert.StartsWith("does not decode", report.Detail, StringComparison.Ordinal);
        Assert.True(report.Rewritten);
        Assert.True(result.IsValid);
        Assert.True(workspace.Load().Snapshot.UsedSnapshot);
    }

    [Fact]
    public void EditedNetworkFile_MakesSnapshotStale_AndTheEditIsLoaded()
    {
        using var workspace = new SnapshotWorkspace();
        workspace.Load();
        string places = Path.Combine(workspace.Networks, "places.geojson");
        string text = File.ReadAllText(places);
        Assert.Contains("\"Duisburg\"", text, StringComparison.Ordinal);
        File.WriteAllText(places, text.Replace("\"Duisburg\"", "\"Duisburg-Ruhrort\"", StringComparison.Ordinal));

        (CorridorDatasetLoadResult result, SnapshotReport report) = workspace.Load();

        Assert.Equal(SnapshotState.Stale, report.Found);
        Assert.True(report.Rewritten);
        Assert.Equal("Duisburg-Ruhrort", result.Dataset!.Network.GetPlace(new PlaceId("duisburg")).Name);
        Assert.Equal("Duisburg-Ruhrort", workspace.Load().Result.Dataset!.Network.GetPlace(new PlaceId("duisburg")).Name);
    }

    [Fact]
    public void AddedFile_InANetworkSubfolder_MakesSnapshotStale()
    {
        using var workspace = new SnapshotWorkspace();
        workspace.Load();
        File.WriteAllText(Path.Combine(workspace.Networks, "sanctions", "notes.txt"), "reviewed again");

        Assert.Equal(SnapshotState.Stale, workspace.Load().Snapshot.Found);
    }

    [Fact]
    public void OtherToolVersion_MakesSnapshotStale()
    {
        using var workspace = new SnapshotWorkspace();
        workspace.Load();

        SnapshotReport report = workspace.Loader(toolVersion: "test-2.0.0").Load(workspace.Networks).Snapshot;

        Assert.Equal(SnapshotState.Stale, report.Found);
        Assert.True(report.Rewritten);
    }

    [Fact]
    public void SnapshotFolderThatCannotBeCreated_MeansNoSnapshot_AndTheFilesAreLoaded()
    {
        using var workspace = new SnapshotWorkspace();
        // A regular file where the folder should be: creating the folder fails even for root, unlike a chmod.
        string blocker = Path.Combine(workspace.Root, "blocker");
        File.WriteAllText(blocker, "not a folder");

        (CorridorDatasetLoadResult result, SnapshotReport report) = workspace.Loader(Path.Combine(blocker, "cache")).Load(workspace.Networks);

        Assert.True(result.IsValid);
        Assert.Equal(SnapshotState.Missing, report.Found);
        Assert.False(report.Rewritten);
        Assert.Null(DeepEquality.FirstDifference(workspace.FromSources(), result.Dataset));
    }

    [Fact]
    public void InvalidNetwork_IsReportedFromTheFiles_AndNeverSnapshotted()
    {
        using var workspace = new SnapshotWorkspace();
        workspace.Load();
        File.WriteAllText(Path.Combine(workspace.Networks, "places.geojson"), "{ not json");

        (CorridorDatasetLoadResult result, SnapshotReport report) = workspace.Load();
        (CorridorDatasetLoadResult again, SnapshotReport againReport) = workspace.Load();

        Assert.False(result.IsValid);
        Assert.Contains(result.Problems, p => p.StartsWith("places.geojson", StringComparison.Ordinal));
        Assert.Equal(SnapshotState.Stale, report.Found);
        Assert.False(report.Rewritten);
        Assert.Equal(result.Problems, again.Problems);
        Assert.Equal(SnapshotState.Stale, againReport.Found);
    }

    [Fact]
    public void NoSnapshotFolder_TurnsSnapshotsOff()
    {
        using var workspace = new SnapshotWorkspace();

        (CorridorDatasetLoadResult result, SnapshotReport report) =
            new SnapshotDatasetLoader(Wgs84.CreateFactory(), null, SnapshotWorkspace.ToolVersion).Load(workspace.Networks);

        Assert.True(result.IsValid);
        Assert.Equal(SnapshotState.Off, report.Found);
        Assert.False(Directory.Exists(workspace.Snapshots));
    }

    private static byte[] Damage(byte[] whole, string damage)
    {
        int payload = whole.Length - Header;
        return damage switch
        {
            "empty file" => [],
            "cut inside the header" => whole[..(Header / 2)],
            "cut in the middle of the payload" => whole[..(Header + (payload / 2))],
            "last byte missing" => whole[..^1],
            "one byte appended" => [.. whole, 0],
            "magic bytes changed" => FlipBit(whole, 0),
            "format version 99" => WithVersion(whole, 99),
            "bit flipped in the key" => FlipBit(whole, KeyOffset + 5),
            "bit flipped in the length" => FlipBit(whole, LengthOffset),
            "bit flipped in the checksum" => FlipBit(whole, ChecksumOffset + 31),
            "bit flipped in the first payload byte" => FlipBit(whole, Header),
            "bit flipped a third into the payload" => FlipBit(whole, Header + (payload / 3)),
            "bit flipped two thirds into the payload" => FlipBit(whole, Header + (2 * payload / 3)),
            "bit flipped in the last payload byte" => FlipBit(whole, whole.Length - 1),
            "not a snapshot at all" => "{\"places\": []}"u8.ToArray(),
            _ => throw new ArgumentOutOfRangeException(nameof(damage), damage, "no such damage"),
        };
    }

    private static byte[] FlipBit(byte[] whole, int offset)
    {
        byte[] copy = [.. whole];
        copy[offset] ^= 0x04;
        return copy;
    }

    private static byte[] WithVersion(byte[] whole, int version)
    {
        byte[] copy = [.. whole];
        BinaryPrimitives.WriteInt32LittleEndian(copy.AsSpan(VersionOffset), version);
        return copy;
    }
}
