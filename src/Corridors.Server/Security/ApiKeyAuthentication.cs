using Grpc.Core;

namespace Corridors.Server.Security;

/// <summary>Who a request's <c>x-api-key</c> says the caller is.</summary>
public abstract record ApiKeyAuthentication
{
    private ApiKeyAuthentication()
    {
    }

    /// <summary>No <c>x-api-key</c> header.</summary>
    public sealed record Anonymous : ApiKeyAuthentication
    {
        public static Anonymous Instance { get; } = new();
    }

    /// <summary>A configured key: <paramref name="Principal"/> is its configured name.</summary>
    public sealed record Authenticated(string Principal, ApiKeyRole Role) : ApiKeyAuthentication;

    /// <summary>A header was sent but is no configured key (or is empty, too long, or repeated).</summary>
    public sealed record Invalid(InvalidApiKeyReason Reason) : ApiKeyAuthentication;
}

/// <summary>Why a presented key is invalid (for logs and tests; clients get one message for all).</summary>
public enum InvalidApiKeyReason
{
    /// <summary>No configured key has this hash.</summary>
    Unknown = 1,

    /// <summary>The header is present but empty.</summary>
    Empty = 2,

    /// <summary>More than one <c>x-api-key</c> header.</summary>
    Repeated = 3,

    /// <summary>Longer than <see cref="ApiKeyAuthenticator.MaxKeyLength"/> characters.</summary>
    TooLong = 4,
}

/// <summary>What a call wants to do.</summary>
public enum AccessKind
{
    /// <summary>Get, list, compare, watch.</summary>
    Read = 1,

    /// <summary>Create, update, delete.</summary>
    Write = 2,
}

/// <summary>Whether a call may proceed; a denial carries the gRPC status the server should return.</summary>
public abstract record AccessDecision
{
    private AccessDecision()
    {
    }

    /// <summary>Proceed; <paramref name="Principal"/> is null for an anonymous read.</summary>
    public sealed record Allowed(string? Principal) : AccessDecision;

    /// <summary>
    /// Refuse with <paramref name="Code"/>: <see cref="StatusCode.Unauthenticated"/> (no key where one is needed, or
    /// an invalid key) or <see cref="StatusCode.PermissionDenied"/> (a valid key without the role). The message names
    /// the header and the principal, never the key.
    /// </summary>
    public sealed record Denied(StatusCode Code, string Message) : AccessDecision
    {
        public RpcException ToRpcException() => new(new Status(Code, Message));
    }
}
