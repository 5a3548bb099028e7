using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Grpc.Core;

namespace Corridors.Server.Security;

/// <summary>
/// Answers a refused call in its own protocol, with the precise status and message of the
/// <see cref="AccessDeniedReason"/> instead of a bare 401/403: gRPC and gRPC-Web get a trailers-only response with
/// <c>grpc-status</c> and <c>grpc-message</c>; JSON gets 401 or 403 with the API's error body. The call never reaches
/// its service, so nothing changes.
/// </summary>
public sealed class AccessDeniedResponder : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(authorizeResult);
        if (authorizeResult.Succeeded)
        {
            return _default.HandleAsync(next, context, policy, authorizeResult);
        }

        AccessDecision.Denied denied = context.Features.Get<AccessDecision.Denied>()
            ?? authorizeResult.AuthorizationFailure?.FailureReasons.OfType<AccessDeniedReason>().FirstOrDefault()?.Denied
            ?? new AccessDecision.Denied(StatusCode.PermissionDenied, "The call is not allowed.");
        return Write(context, denied);
    }

    /// <summary>Writes <paramref name="denied"/> as a gRPC status or a JSON error, by the request's content type.</summary>
    public static Task Write(HttpContext context, AccessDecision.Denied denied)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(denied);
        HttpResponse response = context.Response;
        string? contentType = context.Request.ContentType;
        if (contentType is not null && contentType.StartsWith("application/grpc", StringComparison.OrdinalIgnoreCase))
        {
            response.StatusCode = StatusCodes.Status200OK;
            response.ContentType = contentType.StartsWith("application/grpc-web", StringComparison.OrdinalIgnoreCase) ? contentType : "application/grpc";
            response.Headers["grpc-status"] = ((int)denied.Code).ToString(System.Globalization.CultureInfo.InvariantCulture);
            response.Headers["grpc-message"] = PercentEncode(denied.Message);
            return Task.CompletedTask;
        }

        int httpStatus = denied.Code switch
        {
            StatusCode.Unauthenticated => StatusCodes.Status401Unauthorized,
            StatusCode.ResourceExhausted => StatusCodes.Status429TooManyRequests,
            _ => StatusCodes.Status403Forbidden,
        };
        return Errors.JsonErrorBody.WriteAsync(response, httpStatus, denied.Code, denied.Message);
    }

    /// <summary>grpc-message's encoding: printable ASCII except '%' as is, every other UTF-8 byte as %XX.</summary>
    private static string PercentEncode(string message)
    {
        var encoded = new StringBuilder(message.Length);
        foreach (byte b in Encoding.UTF8.GetBytes(message))
        {
            if (b is >= 0x20 and <= 0x7e && b != (byte)'%')
            {
                encoded.Append((char)b);
            }
            else
            {
                encoded.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return encoded.ToString();
    }
}
