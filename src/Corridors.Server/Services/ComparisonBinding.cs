using System.Runtime.CompilerServices;
using Corridors.Contracts.V1;
using Google.Protobuf;
using Grpc.Core;

namespace Corridors.Server.Services;

/// <summary>
/// Binds corridors.v1.ComparisonService as the generated code does, except that a CompareCorridors response kept by
/// <see cref="ComparisonCache"/> is encoded to protobuf bytes once (<see cref="KeepEncoded"/>), so a repeated request
/// re-sends the same bytes instead of re-encoding 24 KB of nested messages on every call (which, with the domain
/// cached, was most of the cost of a call). A response the cache does not keep is encoded on each call by
/// <see cref="ComparisonEncoder"/>, which reuses the bytes of the legs it shares with other answers: remembering the
/// bytes of every answer would only churn the table. JSON transcoding is unaffected: it writes JSON from the message
/// itself.
/// </summary>
public static class ComparisonBinding
{
    /// <summary>The bytes of the responses caches keep, for as long as the response object lives.</summary>
    private static readonly ConditionalWeakTable<CompareCorridorsResponse, byte[]> Encoded = new();

    /// <summary>Encodes a response that will be sent again, once; later sends of the same object reuse the bytes.</summary>
    public static void KeepEncoded(CompareCorridorsResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        Encoded.AddOrUpdate(response, response.ToByteArray());
    }

    /// <summary>The service's descriptor: JSON transcoding looks it up on the binding type.</summary>
    public static Google.Protobuf.Reflection.ServiceDescriptor Descriptor => ComparisonService.Descriptor;

    /// <summary>Called by ASP.NET Core gRPC through <see cref="BindServiceMethodAttribute"/>.</summary>
    public static void BindService(ServiceBinderBase serviceBinder, ComparisonService.ComparisonServiceBase serviceImpl) =>
        ComparisonService.BindService(new EncodeOnceBinder(serviceBinder), serviceImpl);

    /// <summary>Sends kept bytes as they are; encodes any other response with <see cref="ComparisonEncoder"/>.</summary>
    private static void Serialize(CompareCorridorsResponse response, SerializationContext context)
    {
        if (Encoded.TryGetValue(response, out byte[]? bytes))
        {
            context.Complete(bytes);
            return;
        }

        ComparisonEncoder.Write(response, context);
    }

    /// <summary>Passes every method through, replacing the response marshaller of CompareCorridors.</summary>
    private sealed class EncodeOnceBinder(ServiceBinderBase inner) : ServiceBinderBase
    {
        public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, UnaryServerMethod<TRequest, TResponse>? handler)
        {
            if (method is Method<CompareCorridorsRequest, CompareCorridorsResponse> compare)
            {
                var responses = Marshallers.Create<CompareCorridorsResponse>(
                    Serialize, context => CompareCorridorsResponse.Parser.ParseFrom(context.PayloadAsReadOnlySequence()));
                var rebound = new Method<CompareCorridorsRequest, CompareCorridorsResponse>(
                    compare.Type, compare.ServiceName, compare.Name, compare.RequestMarshaller, responses);
                inner.AddMethod(rebound, (UnaryServerMethod<CompareCorridorsRequest, CompareCorridorsResponse>?)(object?)handler);
                return;
            }

            inner.AddMethod(method, handler);
        }

        public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, ClientStreamingServerMethod<TRequest, TResponse>? handler) =>
            inner.AddMethod(method, handler);

        public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, ServerStreamingServerMethod<TRequest, TResponse>? handler) =>
            inner.AddMethod(method, handler);

        public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, DuplexStreamingServerMethod<TRequest, TResponse>? handler) =>
            inner.AddMethod(method, handler);
    }
}
