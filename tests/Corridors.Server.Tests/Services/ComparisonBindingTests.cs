using Corridors.Contracts.V1;
using Corridors.Server.Services;
using Google.Protobuf;
using Grpc.Core;

namespace Corridors.Server.Tests.Services;

/// <summary>The CompareCorridors response is encoded once per response object; every other method binds unchanged.</summary>
public sealed class ComparisonBindingTests
{
    private sealed class CapturingBinder : ServiceBinderBase
    {
        public Dictionary<string, object> Methods { get; } = [];

        public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, UnaryServerMethod<TRequest, TResponse>? handler) =>
            Methods[method.Name] = method;
    }

    /// <summary>Captures a payload given whole or written into the buffer, as grpc-dotnet's context accepts both.</summary>
    private sealed class CapturingContext : SerializationContext
    {
        private readonly System.Buffers.ArrayBufferWriter<byte> _buffer = new();
        private int? _declaredLength;

        public byte[]? Payload { get; private set; }

        public override void Complete(byte[] payload) => Payload = payload;

        public override void SetPayloadLength(int payloadLength) => _declaredLength = payloadLength;

        public override System.Buffers.IBufferWriter<byte> GetBufferWriter() => _buffer;

        public override void Complete()
        {
            Assert.Equal(_declaredLength, _buffer.WrittenCount); // the length announced is the length written
            Payload = _buffer.WrittenSpan.ToArray();
        }
    }

    private static byte[] Serialize(Method<CompareCorridorsRequest, CompareCorridorsResponse> method, CompareCorridorsResponse response)
    {
        var context = new CapturingContext();
        method.ResponseMarshaller.ContextualSerializer(response, context);
        return context.Payload ?? throw new InvalidOperationException("nothing written");
    }

    private static Method<CompareCorridorsRequest, CompareCorridorsResponse> BoundCompare(out CapturingBinder binder)
    {
        binder = new CapturingBinder();
        ComparisonBinding.BindService(binder, null!);
        return (Method<CompareCorridorsRequest, CompareCorridorsResponse>)binder.Methods["CompareCorridors"];
    }

    [Fact]
    public void KeptResponse_IsEncodedOnce_AndEqualsTheMessageBytes()
    {
        Method<CompareCorridorsRequest, CompareCorridorsResponse> method = BoundCompare(out _);
        var response = new CompareCorridorsResponse { AsOf = "2026-11-29" };
        response.Comparisons.Add(new CorridorComparison { CorridorId = "northern", DistanceKm = 9814.4 });
        byte[] expected = response.ToByteArray();

        ComparisonBinding.KeepEncoded(response); // what the cache does with an answer it keeps
        response.Comparisons[0].DistanceKm = 1; // kept responses are never modified; this shows the bytes are reused
        byte[] first = Serialize(method, response);
        byte[] second = Serialize(method, response);

        Assert.Equal(expected, first);
        Assert.Equal(expected, second);
        Assert.Equal("corridors.v1.ComparisonService", method.ServiceName);
        Assert.Equal(MethodType.Unary, method.Type);
    }

    [Fact]
    public void ResponseNotKept_IsEncodedEachTime_FromTheMessage()
    {
        Method<CompareCorridorsRequest, CompareCorridorsResponse> method = BoundCompare(out _);
        var response = new CompareCorridorsResponse { AsOf = "2026-11-29" };
        response.Comparisons.Add(new CorridorComparison { CorridorId = "northern", DistanceKm = 9814.4 });

        byte[] first = Serialize(method, response);
        response.Comparisons[0].DistanceKm = 1;
        byte[] second = Serialize(method, response);

        Assert.Equal(9814.4, CompareCorridorsResponse.Parser.ParseFrom(first).Comparisons[0].DistanceKm);
        Assert.Equal(1, CompareCorridorsResponse.Parser.ParseFrom(second).Comparisons[0].DistanceKm);
    }

    [Fact]
    public void EveryMethod_IsBound_AndTheServiceDescriptorIsFoundOnTheBinding()
    {
        BoundCompare(out CapturingBinder binder);

        Assert.Equal(["CompareCorridors", "ComputeMatrix", "FindParetoRoutes", "FindRoutes"], binder.Methods.Keys.Order(StringComparer.Ordinal));
        Assert.Same(ComparisonService.Descriptor, ComparisonBinding.Descriptor);
    }
}
