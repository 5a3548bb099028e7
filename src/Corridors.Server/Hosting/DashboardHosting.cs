using System.IO.Compression;
using Corridors.Server.Options;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Corridors.Server.Hosting;

/// <summary>
/// The dashboard: the static files the front end's build writes (<see cref="CorridorsServerOptions.DashboardDirectory"/>),
/// served at <c>/</c> beside the JSON API it calls; answers compressed, except streams, which reach the browser message
/// by message.
/// </summary>
public static class DashboardHosting
{
    /// <summary>The JSON API's path prefix.</summary>
    public const string ApiPrefix = "/v1";

    public static IServiceCollection AddDashboard(this IServiceCollection services)
    {
        services.AddResponseCompression(compression =>
        {
            compression.Providers.Add<BrotliCompressionProvider>();
            compression.Providers.Add<GzipCompressionProvider>();
            compression.MimeTypes = ResponseCompressionDefaults.MimeTypes.Concat(["image/svg+xml"]);
        });
        services.Configure<BrotliCompressionProviderOptions>(brotli => brotli.Level = CompressionLevel.Optimal);
        services.Configure<GzipCompressionProviderOptions>(gzip => gzip.Level = CompressionLevel.Optimal);
        return services;
    }

    public static WebApplication UseDashboard(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        CorridorsServerOptions options = app.Services.GetRequiredService<IOptions<CorridorsServerOptions>>().Value;
        string folder = RepositoryFolder.Resolve(options.DashboardDirectory, app.Environment.ContentRootPath);

        bool built = File.Exists(Path.Combine(folder, "index.html"));

        // Everything on the HTTP port is compressed for clients that accept it, except the streams (":watch"), which
        // must reach the client message by message. gRPC (application/grpc) is never in the compressed types.
        app.UseWhen(context => context.Request.Path.Value?.EndsWith(":watch", StringComparison.Ordinal) != true, page => page.UseResponseCompression());
        if (built)
        {
            var files = new PhysicalFileProvider(folder);
            app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
            app.UseStaticFiles(new StaticFileOptions
            {
                FileProvider = files,
                // Revalidated on every load (ETag): a rebuilt dashboard is never mixed with a cached one.
                OnPrepareResponse = file => file.Context.Response.Headers[HeaderNames.CacheControl] = "no-cache",
            });
        }

        if (!built)
        {
            app.MapGet("/", () => Results.Text(
                $"Corridors gRPC API v1: gRPC (h2c) on the gRPC port; JSON under {ApiPrefix}/… on this port. The " +
                $"dashboard is not built in {folder}: build the server project (its build runs npm; Node.js 20 or " +
                "later must be installed), see README.md.")).AllowAnonymous();
        }

        return app;
    }
}
