using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Corridors.Domain.Dataset.Snapshot;

/// <summary>
/// The snapshot file: a header, then the payload.
/// <code>
/// magic "CORRSNAP" (8) | format version (int32 LE) | key (32) | payload length (int64 LE) | payload SHA-256 (32) | payload
/// </code>
/// Reading checks each part and says what is wrong; nothing is decoded unless all of it holds. Writing goes to a
/// temporary file in the same folder, flushed to disk, then renamed over the old one, so a reader sees the old file or
/// the new one, never half of one.
/// </summary>
internal static class SnapshotFile
{
    /// <summary>Raise on any change to the header or to what the codecs write.</summary>
    public const int FormatVersion = 3; // 2: link traction; emission factors by use, grid series and the Cape option (issue #17); 3: capacities (issue #15)

    private static readonly byte[] Magic = "CORRSNAP"u8.ToArray();

    private const int HashSizeInBytes = 32;

    public const int HeaderSizeInBytes = 8 + sizeof(int) + SnapshotKey.SizeInBytes + sizeof(long) + HashSizeInBytes;

    private const int VersionOffset = 8;
    private const int KeyOffset = VersionOffset + sizeof(int);
    private const int LengthOffset = KeyOffset + SnapshotKey.SizeInBytes;
    private const int HashOffset = LengthOffset + sizeof(long);

    /// <summary>The payload when the file is whole and made for <paramref name="key"/>; else why not (and no payload).</summary>
    public static (SnapshotState State, byte[]? Payload, string Detail) Read(string path, byte[] key)
    {
        byte[] file;
        try
        {
            file = File.ReadAllBytes(path);
        }
        catch (FileNotFoundException)
        {
            return (SnapshotState.Missing, null, "no snapshot yet");
        }
        catch (DirectoryNotFoundException)
        {
            return (SnapshotState.Missing, null, "no snapshot folder yet");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (SnapshotState.Unreadable, null, e.Message);
        }

        if (file.Length < HeaderSizeInBytes)
        {
            return (SnapshotState.Corrupt, null, $"truncated: {file.Length} bytes, shorter than the header");
        }

        ReadOnlySpan<byte> bytes = file;
        if (!bytes[..Magic.Length].SequenceEqual(Magic))
        {
            return (SnapshotState.Corrupt, null, "not a snapshot (magic bytes differ)");
        }

        int version = BinaryPrimitives.ReadInt32LittleEndian(bytes[VersionOffset..]);
        if (version != FormatVersion)
        {
            return (SnapshotState.OtherFormat, null, $"format version {version}, this tool reads {FormatVersion}");
        }

        long length = BinaryPrimitives.ReadInt64LittleEndian(bytes[LengthOffset..]);
        if (length != file.Length - HeaderSizeInBytes)
        {
            return (SnapshotState.Corrupt, null, $"payload is {file.Length - HeaderSizeInBytes} bytes, the header says {length}");
        }

        if (!bytes.Slice(KeyOffset, SnapshotKey.SizeInBytes).SequenceEqual(key))
        {
            return (SnapshotState.Stale, null, "made from other network files or another build of the tool");
        }

        ReadOnlySpan<byte> payload = bytes[HeaderSizeInBytes..];
        if (!SHA256.HashData(payload).AsSpan().SequenceEqual(bytes.Slice(HashOffset, HashSizeInBytes)))
        {
            return (SnapshotState.Corrupt, null, "payload checksum differs");
        }

        return (SnapshotState.Valid, payload.ToArray(), "ok");
    }

    /// <summary>Writes atomically; false (and nothing left behind) when the folder cannot be written.</summary>
    public static bool TryWrite(string path, byte[] key, byte[] payload)
    {
        var header = new byte[HeaderSizeInBytes];
        Magic.CopyTo(header, 0);
        BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(VersionOffset), FormatVersion);
        key.CopyTo(header, KeyOffset);
        BinaryPrimitives.WriteInt64LittleEndian(header.AsSpan(LengthOffset), payload.LongLength);
        SHA256.HashData(payload).CopyTo(header, HashOffset);

        string temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                stream.Write(header);
                stream.Write(payload);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, path, overwrite: true);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            TryDelete(temporary);
            return false;
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Nothing more can be done in a folder that refuses writes; the temporary name is never read.
        }
    }
}
