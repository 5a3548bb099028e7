namespace Corridors.Server.Security;

/// <summary>
/// The access policies endpoints are marked with (<c>[Authorize(Policy = ApiKeyPolicies.Writer)]</c>). Anything not
/// marked with a policy or <c>[AllowAnonymous]</c> is refused by the fallback policy, so a new RPC stays closed until
/// someone opens it on purpose.
/// </summary>
public static class ApiKeyPolicies
{
    /// <summary>Reads (get, list, compare, watch): open, or any valid key when <see cref="ApiKeyOptions.ReadsRequireKey"/>.</summary>
    public const string Reader = "reader";

    /// <summary>Mutations (create, update, delete): a key with the writer role.</summary>
    public const string Writer = "writer";
}
