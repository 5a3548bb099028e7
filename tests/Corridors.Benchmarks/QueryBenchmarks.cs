using BenchmarkDotNet.Attributes;
using Corridors.Application.Queries;
using Corridors.Contracts.V1;
using Corridors.Domain.Dataset;
using Corridors.Domain.Dates;
using Corridors.Domain.Geo;
using Corridors.Domain.Network.Loading;
using Corridors.Domain.Places;
using Corridors.Domain.Routing;
using Google.Protobuf;

namespace Corridors.Benchmarks;

/// <summary>
/// Where an uncached CompareCorridors call spends its time before the network: the domain alone, the application
/// layer (request read and checked, domain, response written), and the response encoded to protobuf bytes.
/// </summary>
[MemoryDiagnoser]
public class QueryBenchmarks
{
    private static readonly DateOnly AsOf = new(2026, 11, 29);

    private CorridorRouter _router = null!;
    private CorridorQueries _queries = null!;
    private RouteQuery _query = null!;
    private CompareCorridorsRequest _request = null!;

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
    }

    [Benchmark(Baseline = true, Description = "CompareCorridors: domain")]
    public int Domain() => _router.Compare(_query).Value!.Comparisons.Count;

    [Benchmark(Description = "CompareCorridors: application layer (request → response)")]
    public int Application() => _queries.CompareCorridors(_request).Value!.Comparisons.Count;

    [Benchmark(Description = "CompareCorridors: application layer + protobuf encoding")]
    public int Encoded() => _queries.CompareCorridors(_request).Value!.ToByteArray().Length;
}
