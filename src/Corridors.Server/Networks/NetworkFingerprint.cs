using System.Security.Cryptography;

namespace Corridors.Server.Networks;

/// <summary>
/// A short, stable version of a network folder's content: the first 12 hex digits of the SHA-256 over every file's
/// name and bytes in ordinal name order. Same files, same version, on any machine.
/// </summary>
internal static class NetworkFingerprint
{
    public static string Of(string directory)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (string file in Directory.EnumerateFiles(directory).Order(StringComparer.Ordinal))
        {
            hash.AppendData(System.Text.Encoding.UTF8.GetBytes(Path.GetFileName(file) + "\n"));
            hash.AppendData(File.ReadAllBytes(file));
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset())[..12];
    }
}
