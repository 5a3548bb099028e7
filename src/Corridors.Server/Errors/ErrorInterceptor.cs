using Corridors.Server.Logging;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.Extensions.Logging;

namespace Corridors.Server.Errors;

/// <summary>
/// Keeps exceptions from reaching clients: an <see cref="RpcException"/> passes as it is; cancellation of the call
/// becomes CANCELLED or, past the deadline, DEADLINE_EXCEEDED; anything else is logged with its stack trace and
/// becomes INTERNAL with a generic message.
/// </summary>
public sealed class ErrorInterceptor(ILogger<ErrorInterceptor> logger, TimeProvider clock, Metrics.CorridorsTelemetry telemetry) : Interceptor
{
    /// <summary>What a client sees for an unexpected failure: no type, no message, no stack trace.</summary>
    public const string InternalMessage = "internal error; the server has logged it";

    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request,
        ServerCallContext context,
        UnaryServerMethod<TRequest, TResponse> continuation)
    {
        ArgumentNullException.ThrowIfNull(continuation);
        ArgumentNullException.ThrowIfNull(context);
        JsonRequestGuard.HandlerRan(context);
        long started = clock.GetTimestamp();
        StatusCode status = StatusCode.OK;
        try
        {
            return await continuation(request, context).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not RpcException)
        {
            RpcException translated = Translate(exception, context);
            status = translated.StatusCode;
            throw translated;
        }
        catch (RpcException rejected)
        {
            status = rejected.StatusCode;
            Log.CallRejected(logger, context.Method, status, rejected.Status.Detail);
            throw;
        }
        finally
        {
            telemetry.RpcAnswered(context.Method, status, clock.GetElapsedTime(started));
        }
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request,
        IServerStreamWriter<TResponse> responseStream,
        ServerCallContext context,
        ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        ArgumentNullException.ThrowIfNull(continuation);
        ArgumentNullException.ThrowIfNull(context);
        JsonRequestGuard.HandlerRan(context);
        try
        {
            await continuation(request, responseStream, context).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not RpcException)
        {
            throw Translate(exception, context);
        }
    }

    internal RpcException Translate(Exception exception, ServerCallContext context)
    {
        if (exception is OperationCanceledException && context.CancellationToken.IsCancellationRequested)
        {
            if (context.Deadline <= clock.GetUtcNow().UtcDateTime)
            {
                Log.DeadlineExceeded(logger, context.Method);
                return new RpcException(new Status(StatusCode.DeadlineExceeded, "the call's deadline passed before the answer was ready"));
            }

            Log.CallCancelled(logger, context.Method);
            return new RpcException(new Status(StatusCode.Cancelled, "the call was cancelled"));
        }

        Log.UnexpectedException(logger, context.Method, exception);
        return new RpcException(new Status(StatusCode.Internal, InternalMessage));
    }
}
