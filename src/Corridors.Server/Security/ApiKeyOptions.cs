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
