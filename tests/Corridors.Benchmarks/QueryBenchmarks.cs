using System.Buffers;
using BenchmarkDotNet.Attributes;
using Corridors.Application.Queries;
using Corridors.Contracts.V1;
using Corridors.Domain.Dataset;
using Corridors.Domain.Dates;
using Corridors.Domain.Geo;
using Corridors.Domain.Network.Loading;
using Corridors.Domain.Places;
using Corridors.Domain.Routing;
using Corridors.Server.Services;
using Google.Protobuf;
using Grpc.Core;

namespace Corridors.Benchmarks;

/// <summary>
/// Where an uncached CompareCorridors call spends its time before the network: the domain alone, the application
/// layer (request read and checked, domain, response written), and the response encoded to protobuf bytes, by
/// Google.Protobuf and by the server's <see cref="ComparisonEncoder"/> (which reuses the shared legs' bytes); then the
/// encoding alone, of one answer.
/// </summary>
[MemoryDiagnoser]
public class QueryBenchmarks
{
    private static readonly DateOnly AsOf = new(2026, 11, 29);

    private CorridorRouter _router = null!;
    private CorridorQueries _queries = null!;
    private RouteQuery _query = null!;
    private CompareCorridorsRequest _request = null!;
    private CompareCorridorsResponse _response = null!;
    private readonly Payload _payload = new();

    /// <summary>What the transport gives the server's marshaller: a buffer to write into, reused between calls.</summary>
    private sealed class Payload : SerializationContext
    {
        public ArrayBufferWriter<byte> Buffer { get; } = new(64 * 1024);

        public override void SetPayloadLength(int payloadLength) => Buffer.ResetWrittenCount();

        public override IBufferWriter<byte> GetBufferWriter() => Buffer;

        public override void Complete()
        {
        }
    }

    [GlobalSetup]
    public void Setup()
    {
        CorridorDatasetLoadResult loaded = new CorridorDatasetLoader(Wgs84.CreateFactory()).Load(RepositoryRoot.NetworksDirectory());
        CorridorDataset dataset = loaded.Dataset ?? throw new InvalidOperationException("networks/ does not validate");
        _router = new CorridorRouter(dataset, BusinessCalendar.Pinned(AsOf), Wgs84.CreateFactory());
        _queries = new CorridorQueries(_router, new PlaceResolver(dataset.Network), QueryLimits.Default, "benchmark");
        _query = new RouteQuery
        {
            Origin = new Domain.Network.PlaceId("xian"),
            Destination = new Domain.Network.PlaceId("duisburg"),
            Constraints = new Domain.Routing.RouteConstraints { AsOf = AsOf },
        };
        _request = new CompareCorridorsRequest { Origin = "xian", Destination = "duisburg", Constraints = new() { AsOf = "2026-11-29" } };
        _response = _queries.CompareCorridors(_request).Value!;
    }

    [Benchmark(Baseline = true, Description = "CompareCorridors: domain")]
    public int Domain() => _router.Compare(_query).Value!.Comparisons.Count;

    [Benchmark(Description = "CompareCorridors: application layer (request → response)")]
    public int Application() => _queries.CompareCorridors(_request).Value!.Comparisons.Count;

    [Benchmark(Description = "CompareCorridors: application layer + Google.Protobuf encoding")]
    public int Encoded() => WriteWithGoogleProtobuf(_queries.CompareCorridors(_request).Value!);

    [Benchmark(Description = "CompareCorridors: application layer + the server's encoder")]
    public int EncodedByServer()
    {
        ComparisonEncoder.Write(_queries.CompareCorridors(_request).Value!, _payload);
        return _payload.Buffer.WrittenCount;
    }

    [Benchmark(Description = "one answer: Google.Protobuf encoding")]
    public int EncodeOnly() => WriteWithGoogleProtobuf(_response);

    /// <summary>What the generated marshaller does: the size first, then the message into the transport's buffer.</summary>
    private int WriteWithGoogleProtobuf(CompareCorridorsResponse response)
    {
        _payload.SetPayloadLength(response.CalculateSize());
        response.WriteTo(_payload.GetBufferWriter());
        return _payload.Buffer.WrittenCount;
    }

    [Benchmark(Description = "one answer: the server's encoder")]
    public int EncodeOnlyByServer()
    {
        ComparisonEncoder.Write(_response, _payload);
        return _payload.Buffer.WrittenCount;
    }
}
