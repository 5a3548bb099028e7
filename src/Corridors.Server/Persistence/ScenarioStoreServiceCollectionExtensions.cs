using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Corridors.Server.Persistence;

public static class ScenarioStoreServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="ScenarioStoreOptions"/> (section <c>Corridors:ScenarioStore</c>, validated on start),
    /// <see cref="SqliteScenarioStore"/> as the singleton <see cref="IScenarioStore"/> (its database path resolved
    /// against the content root), and the hosted service that opens it at start-up. Needs a <see cref="TimeProvider"/>
    /// (registers <see cref="TimeProvider.System"/> if none is).
    /// </summary>
    public static IServiceCollection AddSqliteScenarioStore(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<ScenarioStoreOptions>()
            .BindConfiguration(ScenarioStoreOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(provider => new SqliteScenarioStore(
            provider.GetRequiredService<IOptions<ScenarioStoreOptions>>().Value,
            provider.GetRequiredService<IHostEnvironment>().ContentRootPath,
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<ILogger<SqliteScenarioStore>>()));
        services.AddSingleton<IScenarioStore>(provider => provider.GetRequiredService<SqliteScenarioStore>());
        services.AddHostedService<ScenarioStoreStartup>();
        return services;
    }
}
