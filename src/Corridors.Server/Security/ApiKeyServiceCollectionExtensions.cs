using Microsoft.Extensions.Options;

namespace Corridors.Server.Security;

public static class ApiKeyServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="ApiKeyOptions"/> (section <c>Corridors:ApiKeys</c>, validated on start) and the singleton
    /// <see cref="ApiKeyAuthenticator"/>.
    /// </summary>
    public static IServiceCollection AddApiKeyAuthentication(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<ApiKeyOptions>()
            .BindConfiguration(ApiKeyOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<ApiKeyOptions>, ApiKeyOptionsValidator>();
        services.AddSingleton<ApiKeyAuthenticator>();
        return services;
    }
}
