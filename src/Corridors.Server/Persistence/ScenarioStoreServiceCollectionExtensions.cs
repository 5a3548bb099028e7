using Corridors.Server.Persistence.Postgres;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Corridors.Server.Persistence;

public static class ScenarioStoreServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="ScenarioStoreOptions"/> (section <c>Corridors:ScenarioStore</c>, validated on start), the
    /// singleton <see cref="IScenarioStore"/> its <see cref="ScenarioStoreOptions.Provider"/> names —
    /// <see cref="SqliteScenarioStore"/> (its database path resolved against the content root) or
    /// <see cref="PostgresScenarioStore"/> — and the hosted service that opens it at start-up. Only the chosen store
    /// is ever built. Needs a <see cref="TimeProvider"/> (registers <see cref="TimeProvider.System"/> if none is).
    /// </summary>
    public static IServiceCollection AddScenarioStore(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<ScenarioStoreOptions>()
            .BindConfiguration(ScenarioStoreOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<ScenarioStoreOptions>, ScenarioStoreOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(provider => new SqliteScenarioStore(
            provider.GetRequiredService<IOptions<ScenarioStoreOptions>>().Value,
            provider.GetRequiredService<IHostEnvironment>().ContentRootPath,
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<ILogger<SqliteScenarioStore>>()));
        services.AddSingleton(provider => new PostgresScenarioStore(
            provider.GetRequiredService<IOptions<ScenarioStoreOptions>>().Value,
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<ILogger<PostgresScenarioStore>>()));
        services.AddSingleton<IScenarioStore>(provider =>
            provider.GetRequiredService<IOptions<ScenarioStoreOptions>>().Value.Provider == ScenarioStoreProvider.Postgres
                ? provider.GetRequiredService<PostgresScenarioStore>()
                : provider.GetRequiredService<SqliteScenarioStore>());
        services.AddHostedService<ScenarioStoreStartup>();
        return services;
    }
}
