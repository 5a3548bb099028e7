using Corridors.Server.Logging;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Corridors.Server.Hosting;

/// <summary>Prints where the server listens once Kestrel has bound its ports (so port 0 shows the real port).</summary>
internal sealed class ListeningBanner(IHostApplicationLifetime lifetime, ServerEndpoints endpoints, ILogger<ListeningBanner> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(() =>
        {
            if (endpoints.IsListening)
            {
                Uri grpc = endpoints.GrpcUri;
                Uri http = endpoints.HttpUri;
                Log.Listening(logger, grpc, http);
            }
        });
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
