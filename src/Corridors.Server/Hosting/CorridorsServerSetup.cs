using Corridors.Domain.Dates;
using Corridors.Server.Errors;
using Corridors.Server.Hosting;
using Corridors.Server.Metrics;
using Corridors.Server.Networks;
using Corridors.Server.Options;
using Corridors.Server.Persistence;
using Corridors.Server.Scenarios;
using Corridors.Server.Security;
using Corridors.Server.Services;
using Google.Protobuf.Reflection;
using Google.Rpc;
using Grpc.AspNetCore.Server;
using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.Options;

namespace Corridors.Server.Hosting;

/// <summary>The service registrations and endpoint mappings <c>Program.cs</c> composes.</summary>
public static class CorridorsServerSetup
{
    /// <summary>Room above the largest message for framing (gRPC's 5-byte prefix, multipart boundaries).</summary>
    private const long RequestFramingAllowanceBytes = 1024;

    public static WebApplicationBuilder AddCorridorsServer(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        IServiceCollection services = builder.Services;

        // The shipped defaults (appsettings.json beside the server's dll: log levels above all) hold wherever the
        // server is started from, not only when the content root is the project folder (`dotnet run`). Started from
        // the repository root, or by a script, the content root has no appsettings.json, and ASP.NET Core would log
        // four Information lines per request. An appsettings.json in the content root, the environment and the
        // command line still override them.
        builder.Configuration.Sources.Insert(0, ShippedSettings());

        services.AddOptions<CorridorsServerOptions>()
            .BindConfiguration(CorridorsServerOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<CorridorsServerOptions>, CorridorsServerOptionsValidator>();

        // Two clocks, never confused: wall time (deadlines, heartbeats, timestamps) and the business date.
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(provider =>
        {
            string pinned = provider.GetRequiredService<IOptions<CorridorsServerOptions>>().Value.BusinessDate;
            return Application.Mapping.ProtoDates.TryParse(pinned, out DateOnly date)
                ? BusinessCalendar.Pinned(date)
                : BusinessCalendar.UtcDateOf(provider.GetRequiredService<TimeProvider>());
        });
        services.AddSingleton<LoadedNetwork>();
        services.AddSingleton<ServingStatus>();
        services.AddSingleton<MetricsBoard>();
        services.AddSingleton<ComparisonCache>();
        services.AddSingleton<ServerEndpoints>();
        services.AddSingleton<ScenarioRegistry>();
        services.AddApiKeyAuthentication();
        services.AddCorridorsRateLimits();
        builder.AddCorridorsObservability();
        services.AddDashboard();

        // Hosted services start before Kestrel, in registration order: the network is loaded and the scenario store
        // opened before the scenarios are compiled, and all of it before the first call.
        services.AddHostedService<NetworkStartup>();
        services.AddScenarioStore();
        services.AddHostedService<ScenarioRegistryStartup>();
        services.AddHostedService<ScenarioReplicaSync>(); // after the registry: other replicas' changes, catch-up, store health
        services.AddHostedService<ListeningBanner>();
        services.AddHostedService<DataFreshnessMonitor>();

        services.AddGrpc(grpc =>
        {
            grpc.EnableDetailedErrors = false;
            grpc.Interceptors.Add<ErrorInterceptor>();
        }).AddJsonTranscoding(json =>
        {
            // Rich error details must be known to the JSON writer, or an error response itself fails.
            json.TypeRegistry = TypeRegistry.FromMessages(BadRequest.Descriptor, ErrorInfo.Descriptor);

            // proto3 JSON writes int64 (scenario versions) as strings, as Google.Protobuf's formatter and the CLI's
            // --json do; the transcoder's default writes numbers.
            json.JsonSettings.WriteInt64sAsStrings = true;
        });
        services.AddSingleton<MalformedRequestLog>();
        services.UseGuardedServiceMethods();
        services.AddOptions<GrpcServiceOptions>()
            .Configure<IOptions<CorridorsServerOptions>>((grpc, corridors) => grpc.MaxReceiveMessageSize = corridors.Value.MaxRequestMessageBytes);
        services.AddGrpcReflection();

        // grpc-dotnet's own handlers log every refused call at Information with its exception; the error interceptor
        // and MalformedRequestLog log those calls once, without a stack trace. Failures stay visible (Warning and up).
        builder.Logging.AddFilter("Grpc.AspNetCore.Server.ServerCallHandler", LogLevel.Warning);
        builder.Logging.AddFilter("Grpc.AspNetCore.Grpc.JsonTranscoding.ServerCallHandler", LogLevel.Warning);

        // A start-up failure is reported once, by Program.cs: one line for a configuration error (StartupFailure),
        // the runtime's stack trace for anything else. The host's own "failed to start" entry would repeat it.
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.Critical);

        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            CorridorsServerOptions options = kestrel.ApplicationServices.GetRequiredService<IOptions<CorridorsServerOptions>>().Value;
            kestrel.Limits.MaxRequestBodySize = options.MaxRequestMessageBytes + RequestFramingAllowanceBytes; // every endpoint; gRPC lifts it per call and applies its own
            kestrel.ApplicationServices.GetRequiredService<ServerEndpoints>().Configure(kestrel, options);
        });
        return builder;
    }

    private static JsonConfigurationSource ShippedSettings()
    {
        var shipped = new JsonConfigurationSource { Path = Path.Combine(AppContext.BaseDirectory, "appsettings.json"), Optional = true };
        shipped.ResolveFileProvider();
        return shipped;
    }

    public static WebApplication MapCorridorsServer(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseWhen(context => context.Request.Path.StartsWithSegments(DashboardHosting.ApiPrefix), api => api.UseMiddleware<JsonRequestGuard>());
        app.UseDashboard();
        app.UseGrpcWeb(new GrpcWebOptions { DefaultEnabled = true });
        app.UseAuthentication();
        app.UseAuthorization(); // after the dashboard's files: the page is public, its API calls are checked
        app.UseRateLimiter(); // after authentication: a caller with a key is limited by its key
        app.MapGrpcService<CatalogGrpcService>();
        app.MapGrpcService<ComparisonGrpcService>();
        app.MapGrpcService<CapacityGrpcService>();
        app.MapGrpcService<MetricsGrpcService>();
        app.MapGrpcService<ScenarioGrpcService>();
        app.MapGrpcService<HealthGrpcService>();
        app.MapGrpcReflectionService().AllowAnonymous();
        app.MapCorridorsObservability();
        return app;
    }
}
