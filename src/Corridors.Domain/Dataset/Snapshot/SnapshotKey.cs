using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Corridors.Domain.Dataset.Snapshot;

/// <summary>
/// What a snapshot must match to be used: a SHA-256 over the snapshot format version, the producing tool's version,
/// this domain assembly's build (its module version id, new on every change of the code that loads and encodes) and
/// every file under the network folder — its relative path, length and bytes, in ordinal order of path. Any edit,
/// added or removed file, or new build of the code gives another key, and the old snapshot is stale.
/// </summary>
internal static class SnapshotKey
{
    public const int SizeInBytes = 32;

    public static byte[] Compute(string networkDirectory, string toolVersion)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        AppendText(hash, $"format {SnapshotFile.FormatVersion}");
        AppendText(hash, $"tool {toolVersion}");
        AppendText(hash, $"domain {typeof(SnapshotKey).Module.ModuleVersionId:N}");
        string[] files = Directory.GetFiles(networkDirectory, "*", SearchOption.AllDirectories);
        string[] relative = [.. files.Select(f => Path.GetRelativePath(networkDirectory, f).Replace('\\', '/'))];
        Array.Sort(relative, files, StringComparer.Ordinal);
        for (int i = 0; i < files.Length; i++)
        {
            byte[] content = File.ReadAllBytes(files[i]);
            AppendText(hash, $"file {relative[i]} {content.LongLength}");
            hash.AppendData(content);
        }

        return hash.GetHashAndReset();
    }

    private static void AppendText(IncrementalHash hash, string text)
    {
        // Length-prefixed, so that no two sequences of fields hash the same bytes.
        byte[] bytes = Encoding.UTF8.GetBytes(text);
        Span<byte> length = stackalloc byte[sizeof(int)];
        BinaryPrimitives.WriteInt32LittleEndian(length, bytes.Length);
        hash.AppendData(length);
        hash.AppendData(bytes);
    }
}
