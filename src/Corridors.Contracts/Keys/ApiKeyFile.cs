using System.Text.Json;
using System.Text.Json.Serialization;

namespace Corridors.Contracts.Keys;

/// <summary>One key in the keys file: who uses it, the SHA-256 of the key (never the key) and its role.</summary>
public sealed record ApiKeyRecord(
    [property: JsonPropertyName("principal")] string Principal,
    [property: JsonPropertyName("sha256")] string Sha256,
    [property: JsonPropertyName("role")] string Role,
    [property: JsonPropertyName("createdAt")] string CreatedAt);

/// <summary>
/// The keys file the server reads at start-up beside its configured keys (<c>Corridors:ApiKeys:KeysFile</c>, default
/// <see cref="DefaultPath"/> under its content root) and <c>corridors keys add</c> writes:
/// <c>{"keys":[{"principal":"me","sha256":"…","role":"writer","createdAt":"2026-12-02T12:00:00Z"}]}</c>.
/// </summary>
public static class ApiKeyFile
{
    /// <summary>Relative to the server's content root: <c>src/Corridors.Server/data/api-keys.json</c> in a clone.</summary>
    public const string DefaultPath = "data/api-keys.json";

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    /// <summary>The keys in <paramref name="path"/>; none when the file does not exist.</summary>
    /// <exception cref="InvalidDataException">The file is not a keys file; the message says where.</exception>
    public static IReadOnlyList<ApiKeyRecord> Read(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path))
        {
            return [];
        }

        try
        {
            Document document = JsonSerializer.Deserialize<Document>(File.ReadAllText(path))
                ?? throw new InvalidDataException($"{path} is empty; it should be {{\"keys\":[…]}}.");
            return document.Keys ?? throw new InvalidDataException($"{path} has no \"keys\" array.");
        }
        catch (JsonException malformed)
        {
            string where = malformed.LineNumber is long line ? $" (line {line + 1}, at {malformed.Path})" : string.Empty;
            throw new InvalidDataException(
                $"{path} is not a keys file{where}: it should be {{\"keys\":[{{\"principal\":…,\"sha256\":…,\"role\":\"writer\"|\"reader\"}}]}}; corridors keys add writes one.",
                malformed);
        }
    }

    /// <summary>Replaces the file with <paramref name="keys"/> in one step (a temp file renamed over it).</summary>
    public static void Write(string path, IReadOnlyList<ApiKeyRecord> keys)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(keys);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        string temp = path + ".tmp";
        File.WriteAllText(temp, JsonSerializer.Serialize(new Document([.. keys]), Json) + Environment.NewLine);
        File.Move(temp, path, overwrite: true);
    }

    private sealed record Document([property: JsonPropertyName("keys")] List<ApiKeyRecord>? Keys);
}
