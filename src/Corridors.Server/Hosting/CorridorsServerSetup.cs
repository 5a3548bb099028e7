using Corridors.Server.Errors;
using Corridors.Server.Hosting;
using Corridors.Server.Metrics;
using Corridors.Server.Networks;
using Corridors.Server.Options;
using Corridors.Server.Services;
using Google.Protobuf.Reflection;
using Google.Rpc;
using Grpc.AspNetCore.Server;
using Microsoft.Extensions.Options;

namespace Corridors.Server.Hosting;

/// <summary>The service registrations and endpoint mappings <c>Program.cs</c> composes.</summary>
public static class CorridorsServerSetup
{
    public static WebApplicationBuilder AddCorridorsServer(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        IServiceCollection services = builder.Services;

        services.AddOptions<CorridorsServerOptions>()
            .BindConfiguration(CorridorsServerOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<CorridorsServerOptions>, CorridorsServerOptionsValidator>();

        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<LoadedNetwork>();
        services.AddSingleton<ServingStatus>();
        services.AddSingleton<MetricsBoard>();
        services.AddSingleton<ComparisonCache>();
        services.AddSingleton<ServerEndpoints>();

        // Hosted services start before Kestrel, in registration order: the network is loaded before the first call.
        services.AddHostedService<NetworkStartup>();
        services.AddHostedService<ListeningBanner>();

        services.AddGrpc(grpc =>
        {
            grpc.EnableDetailedErrors = false;
            grpc.Interceptors.Add<ErrorInterceptor>();
        }).AddJsonTranscoding(json =>
        {
            // Rich error details must be known to the JSON writer, or an error response itself fails.
            json.TypeRegistry = TypeRegistry.FromMessages(BadRequest.Descriptor, ErrorInfo.Descriptor);
        });
        services.AddOptions<GrpcServiceOptions>()
            .Configure<IOptions<CorridorsServerOptions>>((grpc, corridors) => grpc.MaxReceiveMessageSize = corridors.Value.MaxRequestMessageBytes);
        services.AddGrpcReflection();

        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            CorridorsServerOptions options = kestrel.ApplicationServices.GetRequiredService<IOptions<CorridorsServerOptions>>().Value;
            kestrel.ApplicationServices.GetRequiredService<ServerEndpoints>().Configure(kestrel, options);
        });
        return builder;
    }

    public static WebApplication MapCorridorsServer(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseGrpcWeb(new GrpcWebOptions { DefaultEnabled = true });
        app.MapGrpcService<CatalogGrpcService>();
        app.MapGrpcService<ComparisonGrpcService>();
        app.MapGrpcService<MetricsGrpcService>();
        app.MapGrpcService<HealthGrpcService>();
        app.MapGrpcReflectionService();
        app.MapGet("/", () => "Corridors gRPC API v1: gRPC (h2c) on the gRPC port; JSON under /v1/… on this port. See README.md.");
        return app;
    }
}
