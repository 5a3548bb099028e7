using System.Security.Cryptography;
using Grpc.Core;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Corridors.Server.Security;

/// <summary>
/// Authenticates a call from its <c>x-api-key</c> metadata and decides whether it may read or write. The presented
/// key is hashed and compared with every configured hash by <see cref="CryptographicOperations.FixedTimeEquals"/>,
/// all of them each time, so neither the comparison nor the position of a match shows in the timing. The key itself
/// is never logged or echoed; logs carry the principal name only. Thread-safe (immutable after construction).
/// <para>Rules: an invalid key is UNAUTHENTICATED on any call, even a read that is open to anonymous callers (a
/// client with a wrong key should find out); a write needs a <see cref="ApiKeyRole.Writer"/> key (no key:
/// UNAUTHENTICATED; a reader key: PERMISSION_DENIED); a read needs nothing, or any valid key when
/// <see cref="ApiKeyOptions.ReadsRequireKey"/>.</para>
/// </summary>
public sealed class ApiKeyAuthenticator
{
    /// <summary>The gRPC metadata key (HTTP/2 header) carrying the key.</summary>
    public const string HeaderName = "x-api-key";

    /// <summary>Longest key considered, in characters; longer ones are invalid without hashing.</summary>
    public const int MaxKeyLength = 1_024;

    private readonly (string Principal, ApiKeyRole Role, byte[] Hash)[] _keys;
    private readonly bool _readsRequireKey;
    private readonly ILogger _logger;

    public ApiKeyAuthenticator(IOptions<ApiKeyOptions> options, ILogger<ApiKeyAuthenticator> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        ApiKeyOptions settings = options.Value;
        _keys = [.. settings.Keys.Select(k => (k.Principal, k.Role, Convert.FromHexString(k.Sha256)))];
        _readsRequireKey = settings.ReadsRequireKey;
        _logger = logger;
    }

    /// <summary>Authenticates the values of a request's <c>x-api-key</c> header: none, one, or (invalid) several.</summary>
    public ApiKeyAuthentication Authenticate(Microsoft.Extensions.Primitives.StringValues headerValues) => headerValues.Count switch
    {
        0 => Authenticate((string?)null),
        1 => Authenticate(headerValues[0]),
        _ => Reject(InvalidApiKeyReason.Repeated),
    };

    /// <summary>Authenticates the <c>x-api-key</c> entries of gRPC metadata.</summary>
    public ApiKeyAuthentication Authenticate(Metadata requestHeaders)
    {
        ArgumentNullException.ThrowIfNull(requestHeaders);
        return Authenticate(new Microsoft.Extensions.Primitives.StringValues([.. requestHeaders
            .Where(entry => string.Equals(entry.Key, HeaderName, StringComparison.OrdinalIgnoreCase))
            .Select(entry => entry.Value)]));
    }

    /// <summary>Authenticates a raw key; null means no key was sent.</summary>
    public ApiKeyAuthentication Authenticate(string? presentedKey)
    {
        if (presentedKey is null)
        {
            return ApiKeyAuthentication.Anonymous.Instance;
        }

        if (presentedKey.Length == 0)
        {
            return Reject(InvalidApiKeyReason.Empty);
        }

        if (presentedKey.Length > MaxKeyLength)
        {
            return Reject(InvalidApiKeyReason.TooLong);
        }

        byte[] presentedHash = ApiKeyHasher.HashBytes(presentedKey);
        int match = -1;
        for (int i = 0; i < _keys.Length; i++)
        {
            // No early exit: every configured hash is compared, in constant time each.
            bool equal = CryptographicOperations.FixedTimeEquals(presentedHash, _keys[i].Hash);
            match = equal ? i : match;
        }

        if (match < 0)
        {
            return Reject(InvalidApiKeyReason.Unknown);
        }

        (string principal, ApiKeyRole role, _) = _keys[match];
        SecurityLog.KeyAccepted(_logger, principal, role);
        return new ApiKeyAuthentication.Authenticated(principal, role);
    }

    /// <summary>Authenticates and decides in one step; map a <see cref="AccessDecision.Denied"/> to its status.</summary>
    public AccessDecision Authorize(Metadata requestHeaders, AccessKind access) => Authorize(Authenticate(requestHeaders), access);

    /// <summary>Decides whether <paramref name="authentication"/> may perform <paramref name="access"/>.</summary>
    public AccessDecision Authorize(ApiKeyAuthentication authentication, AccessKind access)
    {
        ArgumentNullException.ThrowIfNull(authentication);
        switch (authentication)
        {
            case ApiKeyAuthentication.Invalid:
                return new AccessDecision.Denied(StatusCode.Unauthenticated, $"The {HeaderName} metadata is not a valid API key.");
            case ApiKeyAuthentication.Anonymous when access == AccessKind.Write || _readsRequireKey:
                SecurityLog.AnonymousRefused(_logger, access);
                return new AccessDecision.Denied(StatusCode.Unauthenticated,
                    $"{(access == AccessKind.Write ? "Changing scenarios" : "Reading")} needs an API key in the {HeaderName} metadata.");
            case ApiKeyAuthentication.Anonymous:
                return new AccessDecision.Allowed(null);
            case ApiKeyAuthentication.Authenticated { Role: ApiKeyRole.Writer } writer:
                return new AccessDecision.Allowed(writer.Principal);
            case ApiKeyAuthentication.Authenticated reader when access == AccessKind.Read:
                return new AccessDecision.Allowed(reader.Principal);
            case ApiKeyAuthentication.Authenticated reader:
                SecurityLog.PermissionDenied(_logger, reader.Principal, reader.Role, access);
                return new AccessDecision.Denied(StatusCode.PermissionDenied,
                    $"The API key of '{reader.Principal}' has the {reader.Role.ToString().ToLowerInvariant()} role; changing scenarios needs the writer role.");
            default:
                throw new ArgumentOutOfRangeException(nameof(authentication), authentication.GetType().Name, "Unknown authentication result.");
        }
    }

    private ApiKeyAuthentication.Invalid Reject(InvalidApiKeyReason reason)
    {
        SecurityLog.KeyRejected(_logger, reason);
        return new ApiKeyAuthentication.Invalid(reason);
    }
}
