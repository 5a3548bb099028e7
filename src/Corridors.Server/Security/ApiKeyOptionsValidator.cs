using Microsoft.Extensions.Options;

namespace Corridors.Server.Security;

/// <summary>
/// Checks what annotations cannot: every hash is 64 hex digits (a raw key pasted by mistake is refused without
/// echoing it), principals and hashes are unique, every role is set.
/// </summary>
internal sealed class ApiKeyOptionsValidator(IConfiguration configuration) : IValidateOptions<ApiKeyOptions>
{
    public ValidateOptionsResult Validate(string? name, ApiKeyOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        List<string> failures = [.. options.KeysFileProblems, .. UnknownRoles()];
        var principals = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var hashes = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (int i = 0; i < options.Keys.Count; i++)
        {
            ApiKeyEntry key = options.Keys[i];
            string at = key.Origin.Length > 0 ? key.Origin : $"{ApiKeyOptions.SectionName}:Keys:{i}";
            if (string.IsNullOrWhiteSpace(key.Principal))
            {
                failures.Add($"{at}:Principal is empty; name who uses the key (it appears in logs instead of the key).");
            }
            else if (!principals.Add(key.Principal))
            {
                failures.Add($"{at}:Principal '{key.Principal}' is used by another key.");
            }

            // The value is never echoed: it may be a raw key pasted by mistake.
            if (!ApiKeyHasher.IsHash(key.Sha256))
            {
                failures.Add($"{at}:Sha256 is not a SHA-256 digest (64 hex digits). Configure the hash, never the key: "
                    + "printf '%s' 'THE-KEY' | sha256sum");
            }
            else if (!hashes.Add(key.Sha256))
            {
                failures.Add($"{at}:Sha256 is the same as another key's.");
            }

            if (key.Role is not (ApiKeyRole.Reader or ApiKeyRole.Writer))
            {
                failures.Add($"{at}:Role must be 'writer' or 'reader'.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>
    /// The configuration binder silently drops a list entry whose role does not convert ("admin"), so such a key would
    /// vanish without a word: the raw values are checked, naming the entry.
    /// </summary>
    private IEnumerable<string> UnknownRoles() =>
        configuration.GetSection(ApiKeyOptions.SectionName + ":Keys").GetChildren()
            .Where(key => key["Role"] is { } role && !(Enum.TryParse(role, ignoreCase: true, out ApiKeyRole parsed) && parsed is ApiKeyRole.Reader or ApiKeyRole.Writer))
            .Select(key => $"{ApiKeyOptions.SectionName}:Keys:{key.Key}:Role '{key["Role"]}' must be 'writer' or 'reader'.");
}
