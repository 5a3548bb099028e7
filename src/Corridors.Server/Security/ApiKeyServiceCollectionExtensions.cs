using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.Extensions.Options;

namespace Corridors.Server.Security;

public static class ApiKeyServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="ApiKeyOptions"/> (section <c>Corridors:ApiKeys</c>, validated on start), the singleton
    /// <see cref="ApiKeyAuthenticator"/>, and ASP.NET Core authentication (<see cref="ApiKeyAuthenticationHandler"/>)
    /// and authorization: the <see cref="ApiKeyPolicies"/>, a fallback that closes every endpoint no policy marks, and
    /// refusals answered in the call's protocol (<see cref="AccessDeniedResponder"/>).
    /// </summary>
    public static IServiceCollection AddApiKeyAuthentication(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<ApiKeyOptions>()
            .BindConfiguration(ApiKeyOptions.SectionName)
            .PostConfigure<IHostEnvironment>((options, environment) => options.AddKeysFile(environment.ContentRootPath))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<ApiKeyOptions>, ApiKeyOptionsValidator>();
        services.AddSingleton<ApiKeyAuthenticator>();

        services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, configureOptions: null);
        services.AddAuthorizationBuilder()
            .AddPolicy(ApiKeyPolicies.Reader, policy => policy.AddRequirements(new ApiKeyRequirement(AccessKind.Read)))
            .AddPolicy(ApiKeyPolicies.Writer, policy => policy.AddRequirements(new ApiKeyRequirement(AccessKind.Write)))
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().AddRequirements(new MarkedEndpointRequirement()).Build());
        services.AddSingleton<IAuthorizationHandler, ApiKeyRequirementHandler>();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, AccessDeniedResponder>();
        return services;
    }
}
