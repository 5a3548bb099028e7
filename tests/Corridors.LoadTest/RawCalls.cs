using Corridors.Contracts.V1;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;

namespace Corridors.LoadTest;

/// <summary>
/// The measured read methods with a response marshaller that only counts bytes: the request is encoded as usual,
/// the response is received in full (every byte crosses the connection) but not decoded into objects.
/// </summary>
internal static class RawCalls
{
    private static readonly Marshaller<ResponseBytes> ByteCount = Marshallers.Create<ResponseBytes>(
        (_, _) => throw new NotSupportedException("Responses are never serialized by the client."),
        context => new ResponseBytes(context.PayloadLength));

    public static readonly Method<CompareCorridorsRequest, ResponseBytes> CompareCorridors = new(
        MethodType.Unary, "corridors.v1.ComparisonService", "CompareCorridors", Request<CompareCorridorsRequest>(), ByteCount);

    public static readonly Method<HealthCheckRequest, ResponseBytes> HealthCheck = new(
        MethodType.Unary, "grpc.health.v1.Health", "Check", Request<HealthCheckRequest>(), ByteCount);

    public static readonly Method<FindRoutesRequest, ResponseBytes> FindRoutes = new(
        MethodType.Unary, "corridors.v1.ComparisonService", "FindRoutes", Request<FindRoutesRequest>(), ByteCount);

    public static readonly Method<FindParetoRoutesRequest, ResponseBytes> FindParetoRoutes = new(
        MethodType.Unary, "corridors.v1.ComparisonService", "FindParetoRoutes", Request<FindParetoRoutesRequest>(), ByteCount);

    public static readonly Method<ComputeMatrixRequest, ResponseBytes> ComputeMatrix = new(
        MethodType.Unary, "corridors.v1.ComparisonService", "ComputeMatrix", Request<ComputeMatrixRequest>(), ByteCount);

    public static Task Invoke<TRequest>(GrpcChannel channel, Method<TRequest, ResponseBytes> method, TRequest request, CancellationToken cancellationToken)
        where TRequest : class =>
        Invoke(channel, method, request, new CallOptions(cancellationToken: cancellationToken));

    public static async Task<ResponseBytes> Invoke<TRequest>(GrpcChannel channel, Method<TRequest, ResponseBytes> method, TRequest request, CallOptions callOptions)
        where TRequest : class
    {
        ArgumentNullException.ThrowIfNull(channel);
        ResponseBytes response = await channel.CreateCallInvoker()
            .AsyncUnaryCall(method, null, callOptions, request)
            .ResponseAsync.ConfigureAwait(false);
        if (response.Length < 0)
        {
            throw new InvalidOperationException("Negative payload length.");
        }

        return response;
    }

    private static Marshaller<T> Request<T>()
        where T : class, IMessage<T> =>
        Marshallers.Create<T>(message => message.ToByteArray(), _ => throw new NotSupportedException("Requests are never read by the client."));
}

/// <summary>A response's size in bytes, all the load test keeps of it.</summary>
internal sealed record ResponseBytes(int Length);
