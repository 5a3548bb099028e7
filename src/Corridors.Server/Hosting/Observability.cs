using Corridors.Server.Metrics;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Corridors.Server.Hosting;

/// <summary>
/// OpenTelemetry: traces of ASP.NET Core requests (gRPC and JSON alike) and of the server's own work, and metrics of
/// ASP.NET Core, Kestrel, the .NET runtime and the server's own meter (<see cref="CorridorsTelemetry"/>, with the
/// metrics board as gauges, <see cref="BoardGauges"/>). Metrics are scraped by Prometheus at <c>/metrics</c> on the
/// HTTP port; traces and metrics also go to an OTLP collector when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set.
/// </summary>
public static class Observability
{
    public const string ScrapePath = "/metrics";

    public static WebApplicationBuilder AddCorridorsObservability(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton<CorridorsTelemetry>();
        builder.Services.AddSingleton<BoardGauges>();
        bool otlp = !string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        builder.Services.AddOpenTelemetry()
            .WithTracing(tracing =>
            {
                tracing.AddAspNetCoreInstrumentation(aspnet => aspnet.Filter = context => !context.Request.Path.StartsWithSegments(ScrapePath))
                    .AddSource(CorridorsTelemetry.Name);
                if (otlp)
                {
                    tracing.AddOtlpExporter();
                }
            })
            .WithMetrics(metrics =>
            {
                metrics.AddAspNetCoreInstrumentation()
                    .AddRuntimeInstrumentation()
                    .AddMeter(CorridorsTelemetry.Name)
                    .AddPrometheusExporter();
                if (otlp)
                {
                    metrics.AddOtlpExporter();
                }
            });
        return builder;
    }

    public static WebApplication MapCorridorsObservability(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.Services.GetRequiredService<BoardGauges>(); // registers the board's gauges on the meter
        app.MapPrometheusScrapingEndpoint(ScrapePath).AllowAnonymous();
        return app;
    }
}
