using System.ComponentModel.DataAnnotations;

namespace Corridors.Server.Security;

/// <summary>
/// API keys, bound from <c>Corridors:ApiKeys</c> and validated at start-up. Keys are configured by their SHA-256
/// only (<see cref="ApiKeyHasher.Hash"/>, or <c>printf '%s' 'THE-KEY' | sha256sum</c>), so the configuration never
/// holds a usable key. Read at start-up; changing keys needs a restart. The defaults below are the only defaults;
/// <c>ApiKeyOptionsTests</c> pins them.
/// <code>
/// "Corridors": { "ApiKeys": { "ReadsRequireKey": false,
///   "Keys": [ { "Principal": "planning-team", "Sha256": "9f86d0…", "Role": "writer" } ] } }
/// </code>
/// </summary>
public sealed class ApiKeyOptions
{
    public const string SectionName = "Corridors:ApiKeys";

    /// <summary>When true, reads need a key too (any role); when false, reads are open to anonymous callers. Default false.</summary>
    public bool ReadsRequireKey { get; set; }

    /// <summary>The accepted keys. Default none: every mutation is refused with UNAUTHENTICATED.</summary>
    public List<ApiKeyEntry> Keys { get; set; } = [];

    /// <summary>
    /// A file of more keys, written by <c>corridors keys add</c>; relative paths are under the content root. Read at
    /// start-up when it exists. Default <c>data/api-keys.json</c> (beside the scenario database).
    /// </summary>
    public string KeysFile { get; set; } = Contracts.Keys.ApiKeyFile.DefaultPath;

    /// <summary>Why the keys file could not be read (reported by validation at start-up).</summary>
    internal List<string> KeysFileProblems { get; } = [];

    /// <summary>Adds the keys of <see cref="KeysFile"/> (resolved under <paramref name="contentRoot"/>) to <see cref="Keys"/>.</summary>
    internal void AddKeysFile(string contentRoot)
    {
        string path = Path.GetFullPath(Path.Combine(contentRoot, KeysFile));
        try
        {
            IReadOnlyList<Contracts.Keys.ApiKeyRecord> records = Contracts.Keys.ApiKeyFile.Read(path);
            for (int i = 0; i < records.Count; i++)
            {
                Contracts.Keys.ApiKeyRecord record = records[i];
                Keys.Add(new ApiKeyEntry
                {
                    Principal = record.Principal ?? string.Empty,
                    Sha256 = record.Sha256 ?? string.Empty,
                    Role = Enum.TryParse(record.Role, ignoreCase: true, out ApiKeyRole role) ? role : ApiKeyRole.Unspecified,
                    Origin = $"{path} keys[{i}]",
                });
            }
        }
        catch (Exception problem) when (problem is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            KeysFileProblems.Add($"{SectionName}:KeysFile: {problem.Message}");
        }
    }
}

/// <summary>One accepted key.</summary>
public sealed class ApiKeyEntry
{
    /// <summary>Who uses the key, as it appears in logs (e.g. <c>planning-team</c>). Unique.</summary>
    [Required(AllowEmptyStrings = false)]
    public string Principal { get; set; } = string.Empty;

    /// <summary>SHA-256 of the key's UTF-8 bytes, as 64 hexadecimal digits (either case). Unique.</summary>
    [Required(AllowEmptyStrings = false)]
    public string Sha256 { get; set; } = string.Empty;

    /// <summary><c>writer</c> (reads and mutations) or <c>reader</c> (reads only).</summary>
    public ApiKeyRole Role { get; set; }

    /// <summary>Where the entry came from, for messages: empty for configuration, else the keys file's entry.</summary>
    internal string Origin { get; set; } = string.Empty;
}

/// <summary>What a key may do.</summary>
public enum ApiKeyRole
{
    /// <summary>Not configured: refused by validation.</summary>
    Unspecified = 0,

    /// <summary>Reads only.</summary>
    Reader = 1,

    /// <summary>Reads and mutations.</summary>
    Writer = 2,
}
