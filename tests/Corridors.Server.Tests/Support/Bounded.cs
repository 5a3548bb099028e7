using Google.Rpc;
using Grpc.Core;

namespace Corridors.Server.Tests.Support;

/// <summary>Every await in these tests is bounded, so a broken server fails a test instead of hanging the run.</summary>
public static class Bounded
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    /// <summary>A gRPC deadline for calls that should finish well within <see cref="Timeout"/>.</summary>
    public static DateTime Deadline() => DateTime.UtcNow.Add(Timeout);

    public static Task<T> Within<T>(this Task<T> task) => task.WaitAsync(Timeout);

    public static Task Within(this Task task) => task.WaitAsync(Timeout);

    public static Task<T> Within<T>(this AsyncUnaryCall<T> call)
    {
        ArgumentNullException.ThrowIfNull(call);
        return call.ResponseAsync.WaitAsync(Timeout);
    }

    /// <summary>Awaits a call that must fail with <paramref name="code"/>, and returns its rich status.</summary>
    public static async Task<RichError> Fails<T>(this AsyncUnaryCall<T> call, StatusCode code)
    {
        ArgumentNullException.ThrowIfNull(call);
        RpcException exception = await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync).Within();
        Assert.Equal(code, exception.StatusCode);
        return new RichError(exception);
    }
}

/// <summary>The <c>google.rpc.Status</c> of a failed call with its BadRequest and ErrorInfo details.</summary>
public sealed class RichError(RpcException exception)
{
    public RpcException Exception { get; } = exception;

    public Google.Rpc.Status Status { get; } = exception.GetRpcStatus() ?? throw new InvalidOperationException("The call failed without a rich status.");

    public BadRequest BadRequest => Status.GetDetail<BadRequest>() ?? throw new InvalidOperationException("No BadRequest detail.");

    public ErrorInfo ErrorInfo => Status.GetDetail<ErrorInfo>() ?? throw new InvalidOperationException("No ErrorInfo detail.");

    /// <summary>The fields named by the BadRequest violations, in order.</summary>
    public IReadOnlyList<string> Fields => [.. BadRequest.FieldViolations.Select(v => v.Field)];

    public string DescriptionOf(string field) => BadRequest.FieldViolations.Single(v => v.Field == field).Description;
}
