using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Corridors.Server.Security;

/// <summary>
/// ASP.NET Core authentication from the <c>x-api-key</c> header (gRPC metadata, gRPC-Web and JSON alike), through
/// <see cref="ApiKeyAuthenticator"/>. A configured key signs the caller in as its principal with its role; no header
/// is anonymous; an invalid key fails. What the header said is kept on the request for <see cref="ApiKeyRequirement"/>.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    ApiKeyAuthenticator authenticator)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, loggerFactory, encoder)
{
    public const string SchemeName = "ApiKey";

    /// <summary>What the request's header said, authenticated once per request.</summary>
    public static ApiKeyAuthentication Of(HttpContext context, ApiKeyAuthenticator authenticator)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(authenticator);
        if (context.Features.Get<ApiKeyAuthentication>() is { } known)
        {
            return known;
        }

        Microsoft.Extensions.Primitives.StringValues headers = context.Request.Headers[ApiKeyAuthenticator.HeaderName];
        ApiKeyAuthentication authentication = authenticator.Authenticate(headers);
        context.Features.Set(authentication);
        return authentication;
    }

    protected override Task<AuthenticateResult> HandleAuthenticateAsync() =>
        Task.FromResult(Of(Context, authenticator) switch
        {
            ApiKeyAuthentication.Authenticated key => AuthenticateResult.Success(new AuthenticationTicket(
                new ClaimsPrincipal(new ClaimsIdentity(
                    [new Claim(ClaimTypes.Name, key.Principal), new Claim(ClaimTypes.Role, key.Role.ToString().ToLowerInvariant())],
                    SchemeName)),
                SchemeName)),
            ApiKeyAuthentication.Invalid => AuthenticateResult.Fail($"The {ApiKeyAuthenticator.HeaderName} header is not a valid API key."),
            _ => AuthenticateResult.NoResult(),
        });
}
