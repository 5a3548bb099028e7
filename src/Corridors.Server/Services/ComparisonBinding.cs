using System.Runtime.CompilerServices;
using Corridors.Contracts.V1;
using Google.Protobuf;
using Grpc.Core;

namespace Corridors.Server.Services;

/// <summary>
/// Binds corridors.v1.ComparisonService as the generated code does, except that a CompareCorridors response is
/// encoded to protobuf bytes once per response object. Responses come from <see cref="ComparisonCache"/>, so a
/// repeated request re-sends the same bytes instead of re-encoding 24 KB of nested messages on every call (which,
/// with the domain cached, was most of the cost of a call). JSON transcoding is unaffected: it writes JSON from the
/// message itself.
/// </summary>
public static class ComparisonBinding
{
    /// <summary>The service's descriptor: JSON transcoding looks it up on the binding type.</summary>
    public static Google.Protobuf.Reflection.ServiceDescriptor Descriptor => ComparisonService.Descriptor;

    /// <summary>Called by ASP.NET Core gRPC through <see cref="BindServiceMethodAttribute"/>.</summary>
    public static void BindService(ServiceBinderBase serviceBinder, ComparisonService.ComparisonServiceBase serviceImpl) =>
        ComparisonService.BindService(new EncodeOnceBinder(serviceBinder), serviceImpl);

    /// <summary>Passes every method through, replacing the response marshaller of CompareCorridors.</summary>
    private sealed class EncodeOnceBinder(ServiceBinderBase inner) : ServiceBinderBase
    {
        private readonly ConditionalWeakTable<CompareCorridorsResponse, byte[]> _encoded = new();

        public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, UnaryServerMethod<TRequest, TResponse>? handler)
        {
            if (method is Method<CompareCorridorsRequest, CompareCorridorsResponse> compare)
            {
                var responses = Marshallers.Create<CompareCorridorsResponse>(
                    (response, context) => context.Complete(_encoded.GetValue(response, r => r.ToByteArray())),
                    context => CompareCorridorsResponse.Parser.ParseFrom(context.PayloadAsReadOnlySequence()));
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
