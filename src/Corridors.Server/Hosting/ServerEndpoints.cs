using System.Net;
using Corridors.Server.Options;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Corridors.Server.Hosting;

/// <summary>
/// The two Kestrel endpoints: HTTP/2 without TLS (h2c) for gRPC — cleartext HTTP/2 needs an endpoint that speaks
/// only HTTP/2, there is no ALPN to negotiate it — and HTTP/1.1 for JSON transcoding, gRPC-Web and browsers.
/// Keeps the listen options so the bound ports (also when configured as 0) can be read after start.
/// </summary>
public sealed class ServerEndpoints
{
    private ListenOptions? _grpc;
    private ListenOptions? _http;

    /// <summary><c>http://127.0.0.1:50051</c> once Kestrel is listening.</summary>
    public Uri GrpcUri => UriOf(_grpc);

    /// <summary><c>http://127.0.0.1:50080</c> once Kestrel is listening.</summary>
    public Uri HttpUri => UriOf(_http);

    public bool IsListening => _grpc is not null && _http is not null;

    public void Configure(KestrelServerOptions kestrel, CorridorsServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(kestrel);
        ArgumentNullException.ThrowIfNull(options);
        IPAddress address = IPAddress.Parse(options.ListenAddress);
        kestrel.Listen(address, options.GrpcPort, listen =>
        {
            listen.Protocols = HttpProtocols.Http2;
            _grpc = listen;
        });
        kestrel.Listen(address, options.HttpPort, listen =>
        {
            listen.Protocols = HttpProtocols.Http1;
            _http = listen;
        });
    }

    private static Uri UriOf(ListenOptions? listen)
    {
        IPEndPoint endpoint = listen?.IPEndPoint ?? throw new InvalidOperationException("Kestrel is not listening.");
        string host = endpoint.Address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6
            ? $"[{endpoint.Address}]"
            : endpoint.Address.ToString();
        return new Uri($"http://{host}:{endpoint.Port}");
    }
}
