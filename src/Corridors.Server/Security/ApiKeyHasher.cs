using System.Security.Cryptography;
using System.Text;

namespace Corridors.Server.Security;

/// <summary>
/// The one definition of a key's configured form: SHA-256 of its UTF-8 bytes as lowercase hex. The same as
/// <c>printf '%s' 'THE-KEY' | sha256sum</c> (printf, not echo: echo adds a newline that changes the hash).
/// </summary>
public static class ApiKeyHasher
{
    /// <summary>Length of a SHA-256 digest in hex digits.</summary>
    public const int HashHexLength = SHA256.HashSizeInBytes * 2;

    /// <summary>Lowercase hex SHA-256 of <paramref name="key"/>'s UTF-8 bytes.</summary>
    public static string Hash(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Convert.ToHexStringLower(HashBytes(key));
    }

    /// <summary>True when <paramref name="value"/> is 64 hex digits.</summary>
    public static bool IsHash(string? value) =>
        value is { Length: HashHexLength } && value.All(char.IsAsciiHexDigit);

    internal static byte[] HashBytes(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));
}
