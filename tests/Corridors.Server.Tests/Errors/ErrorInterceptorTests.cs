using Corridors.Server.Errors;
using Corridors.Server.Tests.Support;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Corridors.Server.Tests.Errors;

public sealed class ErrorInterceptorTests : IDisposable
{
    private readonly CapturedLogs _logs = new();
    private readonly FakeTimeProvider _clock = new(ServerFactory.Start);
    private readonly Microsoft.Extensions.Logging.LoggerFactory _loggerFactory;

    public ErrorInterceptorTests() => _loggerFactory = new Microsoft.Extensions.Logging.LoggerFactory([_logs]);

    public void Dispose()
    {
        _loggerFactory.Dispose();
        _logs.Dispose();
        _meters.Dispose();
    }

    private readonly ServiceProvider _meters = new ServiceCollection().AddMetrics().BuildServiceProvider();

    private ErrorInterceptor Interceptor() =>
        new(Microsoft.Extensions.Logging.LoggerFactoryExtensions.CreateLogger<ErrorInterceptor>(_loggerFactory), _clock,
            new Corridors.Server.Metrics.CorridorsTelemetry(_meters.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>()));

    [Fact]
    public async Task UnexpectedException_IsInternalWithAGenericMessageAndIsLogged()
    {
        var context = new FakeCallContext(ServerFactory.Start.UtcDateTime.AddMinutes(1));

        RpcException exception = await Assert.ThrowsAsync<RpcException>(() => Interceptor().UnaryServerHandler<string, string>(
            "request", context, (_, _) => throw new InvalidOperationException("secret detail at Corridors.Domain.Foo()"))).Within();

        Assert.Equal(StatusCode.Internal, exception.StatusCode);
        Assert.Equal(ErrorInterceptor.InternalMessage, exception.Status.Detail);
        Assert.DoesNotContain("secret", exception.Message, StringComparison.Ordinal);
        Assert.Contains(_logs.Entries, e => e.EventId.Id == 2000 && e.Exception is InvalidOperationException);
    }

    [Fact]
    public async Task CancelledBeforeTheDeadline_IsCancelled()
    {
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();
        var context = new FakeCallContext(ServerFactory.Start.UtcDateTime.AddMinutes(1), cancellation.Token);

        RpcException exception = await Assert.ThrowsAsync<RpcException>(() => Interceptor().UnaryServerHandler<string, string>(
            "request", context, (_, _) => throw new OperationCanceledException(cancellation.Token))).Within();

        Assert.Equal(StatusCode.Cancelled, exception.StatusCode);
    }

    [Fact]
    public async Task CancelledAtTheDeadline_IsDeadlineExceeded()
    {
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();
        var context = new FakeCallContext(ServerFactory.Start.UtcDateTime.AddSeconds(-1), cancellation.Token);

        RpcException exception = await Assert.ThrowsAsync<RpcException>(() => Interceptor().UnaryServerHandler<string, string>(
            "request", context, (_, _) => throw new OperationCanceledException(cancellation.Token))).Within();

        Assert.Equal(StatusCode.DeadlineExceeded, exception.StatusCode);
    }

    [Fact]
    public async Task RpcException_PassesUnchanged()
    {
        var context = new FakeCallContext(ServerFactory.Start.UtcDateTime.AddMinutes(1));
        var thrown = new RpcException(new Status(StatusCode.NotFound, "no place is called 'x'"));

        RpcException exception = await Assert.ThrowsAsync<RpcException>(() => Interceptor().UnaryServerHandler<string, string>(
            "request", context, (_, _) => throw thrown)).Within();

        Assert.Same(thrown, exception);
    }

    private sealed class FakeCallContext(DateTime deadline, CancellationToken cancellationToken = default) : ServerCallContext
    {
        protected override string MethodCore => "/corridors.v1.ComparisonService/CompareCorridors";

        protected override string HostCore => "localhost";

        protected override string PeerCore => "ipv4:127.0.0.1:1";

        protected override DateTime DeadlineCore => deadline;

        protected override Metadata RequestHeadersCore { get; } = [];

        protected override CancellationToken CancellationTokenCore => cancellationToken;

        protected override Metadata ResponseTrailersCore { get; } = [];

        protected override Status StatusCore { get; set; }

        protected override WriteOptions? WriteOptionsCore { get; set; }

        protected override AuthContext AuthContextCore { get; } = new(null, []);

        protected override ContextPropagationToken CreatePropagationTokenCore(ContextPropagationOptions? options) =>
            throw new NotSupportedException();

        protected override Task WriteResponseHeadersAsyncCore(Metadata responseHeaders) => Task.CompletedTask;
    }
}
