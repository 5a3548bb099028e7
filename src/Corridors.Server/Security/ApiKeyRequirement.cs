using Microsoft.AspNetCore.Authorization;

namespace Corridors.Server.Security;

/// <summary>A policy's requirement: the call may <see cref="Access"/> (read or write), as <see cref="ApiKeyAuthenticator.Authorize(ApiKeyAuthentication, AccessKind)"/> decides.</summary>
public sealed class ApiKeyRequirement(AccessKind access) : IAuthorizationRequirement
{
    public AccessKind Access { get; } = access;
}

/// <summary>The fallback policy's requirement, which no endpoint meets: an endpoint no policy marks is closed.</summary>
public sealed class MarkedEndpointRequirement : IAuthorizationRequirement;

/// <summary>Why a call was refused, with the status and message the client gets.</summary>
public sealed class AccessDeniedReason(IAuthorizationHandler handler, AccessDecision.Denied denied)
    : AuthorizationFailureReason(handler, denied.Message)
{
    public AccessDecision.Denied Denied { get; } = denied;
}

/// <summary>Decides <see cref="ApiKeyRequirement"/> and <see cref="MarkedEndpointRequirement"/>.</summary>
public sealed class ApiKeyRequirementHandler(ApiKeyAuthenticator authenticator) : IAuthorizationHandler
{
    public Task HandleAsync(AuthorizationHandlerContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (IAuthorizationRequirement requirement in context.PendingRequirements.ToList())
        {
            switch (requirement)
            {
                case ApiKeyRequirement apiKey when context.Resource is HttpContext http:
                    if (authenticator.Authorize(ApiKeyAuthenticationHandler.Of(http, authenticator), apiKey.Access) is AccessDecision.Denied denied)
                    {
                        Refuse(context, denied);
                    }
                    else
                    {
                        context.Succeed(requirement);
                    }

                    break;
                case MarkedEndpointRequirement when context.Resource is HttpContext { } unrouted && unrouted.GetEndpoint() is null:
                    context.Succeed(requirement); // no endpoint: nothing to protect, the request ends in 404
                    break;
                case MarkedEndpointRequirement:
                    string endpoint = (context.Resource as HttpContext)?.GetEndpoint()?.DisplayName ?? "this endpoint";
                    Refuse(context, new AccessDecision.Denied(Grpc.Core.StatusCode.PermissionDenied, $"{endpoint} is closed: no access policy marks it."));
                    break;
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>The refusal goes on the request too: for a caller who is not signed in, ASP.NET Core's challenge result does not carry failure reasons.</summary>
    private void Refuse(AuthorizationHandlerContext context, AccessDecision.Denied denied)
    {
        (context.Resource as HttpContext)?.Features.Set(denied);
        context.Fail(new AccessDeniedReason(this, denied));
    }
}
