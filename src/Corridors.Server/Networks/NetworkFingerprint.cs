using System.Security.Cryptography;

namespace Corridors.Server.Networks;

/// <summary>
/// A short, stable version of a network folder's content: the first 12 hex digits of the SHA-256 over every file's
/// relative path and bytes (sub-folders such as <c>sanctions/</c> included) in ordinal path order. Same files, same
/// version, on any machine.
/// </summary>
internal static class NetworkFingerprint
{
    public static string Of(string directory)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        IEnumerable<string> files = Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(directory, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);
        foreach (string file in files)
        {
            hash.AppendData(System.Text.Encoding.UTF8.GetBytes(file + "\n"));
            hash.AppendData(File.ReadAllBytes(Path.Combine(directory, file)));
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset())[..12];
    }
}
