extern alias LoadTool;

using System.Buffers;
using Corridors.Application.Mapping;
using Corridors.Application.Queries;
using Corridors.Application.Scenarios;
using Corridors.Contracts.V1;
using Corridors.Domain.Dataset;
using Corridors.Domain.Dates;
using Corridors.Domain.Geo;
using Corridors.Domain.Network.Loading;
using Corridors.Domain.Places;
using Corridors.Domain.Scenarios;
using LoadTool::Corridors.LoadTest;
using Corridors.Server.Services;
using Corridors.Server.Tests.Support;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace Corridors.Server.Tests.Services;

/// <summary>
/// The hand-written encoder against its oracle, Google.Protobuf: the same bytes for real answers of every shape
/// (mixed requests, another payload, masks, scenarios with their baseline and deltas, forecasts, infeasible corridors),
/// encoded twice so that the second time the shared legs' and factors' bytes are the ones kept.
/// </summary>
public sealed class ComparisonEncoderTests
{
    private static readonly Lazy<CorridorQueries> Queries = new(() =>
    {
        CorridorDatasetLoadResult loaded = new CorridorDatasetLoader(Wgs84.CreateFactory()).Load(NetworkCopy.RealNetworks);
        CorridorDataset dataset = loaded.Dataset ?? throw new InvalidOperationException(string.Join("\n", loaded.Problems));
        var router = new Corridors.Domain.Routing.CorridorRouter(dataset, BusinessCalendar.Pinned(new DateOnly(2026, 11, 29)), Wgs84.CreateFactory());
        return new CorridorQueries(router, new PlaceResolver(dataset.Network), QueryLimits.Default, "encoder-test");
    });

    /// <summary>A payload whose writer hands out spans of at most <paramref name="spanBytes"/>, as a pipe hands out its segments.</summary>
    private sealed class Payload(int spanBytes) : SerializationContext
    {
        private readonly SmallSpans _buffer = new(spanBytes);
        private int? _declared;

        public byte[]? Bytes { get; private set; }

        public override void SetPayloadLength(int payloadLength) => _declared = payloadLength;

        public override IBufferWriter<byte> GetBufferWriter() => _buffer;

        public override void Complete()
        {
            Assert.Equal(_declared, _buffer.Written.WrittenCount); // the length announced is the length written
            Bytes = _buffer.Written.WrittenSpan.ToArray();
        }
    }

    private sealed class SmallSpans(int spanBytes) : IBufferWriter<byte>
    {
        public ArrayBufferWriter<byte> Written { get; } = new();

        public void Advance(int count) => Written.Advance(count);

        public Memory<byte> GetMemory(int sizeHint = 0) => Written.GetMemory(spanBytes)[..spanBytes];

        public Span<byte> GetSpan(int sizeHint = 0) => Written.GetSpan(spanBytes)[..spanBytes];
    }

    /// <summary>The encoder's bytes, the same whether the transport's buffer is one span, a pipe's 4 KB segments or 7-byte scraps.</summary>
    private static byte[] Encode(CompareCorridorsResponse response)
    {
        byte[][] written = [.. new[] { 1 << 20, 4096, 7 }.Select(spanBytes =>
        {
            var payload = new Payload(spanBytes);
            ComparisonEncoder.Write(response, payload);
            return payload.Bytes ?? throw new InvalidOperationException("nothing written");
        })];
        Assert.Equal(written[0], written[1]);
        Assert.Equal(written[0], written[2]);
        return written[0];
    }

    private static void AssertSameBytes(CompareCorridorsResponse response)
    {
        byte[] expected = response.ToByteArray();
        Assert.Equal(expected, Encode(response));
        Assert.Equal(expected, Encode(response)); // legs now from the table
    }

    private static CompareCorridorsResponse Answer(CompareCorridorsRequest request, ScenarioOverlay? scenario = null)
    {
        ContractResult<CompareCorridorsResponse> result = Queries.Value.CompareCorridors(request, scenario);
        return result.Value ?? throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.ToString())));
    }

    [Fact]
    public void HandWrittenMessages_WriteEveryFieldTheirDescriptorsHave()
    {
        static int[] Numbers(MessageDescriptor descriptor) => [.. descriptor.Fields.InFieldNumberOrder().Select(f => f.FieldNumber)];

        // A field added to either message must be written by ComparisonEncoder too, or answers would silently lose it.
        Assert.Equal(ComparisonEncoder.ResponseFields, Numbers(CompareCorridorsResponse.Descriptor));
        Assert.Equal(ComparisonEncoder.ComparisonFields, Numbers(CorridorComparison.Descriptor));
        Assert.Equal(ComparisonEncoder.Co2eFields, Numbers(RouteCo2e.Descriptor));
    }

    [Fact]
    public void MixedRealAnswers_AreTheBytesGoogleProtobufWrites()
    {
        IReadOnlyList<CompareCorridorsRequest> requests = CompareMix.Build("xian", "duisburg", 60, seed: 7);
        int legs = 0;
        foreach (CompareCorridorsRequest request in requests)
        {
            CompareCorridorsResponse response = Answer(request);
            legs += response.Comparisons.Sum(c => c.Legs.Count);
            AssertSameBytes(response);
        }

        Assert.True(legs > 1_000, $"only {legs} legs in 60 answers: the mix no longer exercises the leg table");
    }

    [Fact]
    public void SharedLegsAreCopied_AnotherPayloadsLegsEncoded_BothTheBytesGoogleProtobufWrites()
    {
        CompareCorridorsResponse standard = Answer(new CompareCorridorsRequest { Origin = "xian", Destination = "duisburg" });
        CompareCorridorsResponse light = Answer(new CompareCorridorsRequest
        {
            Origin = "xian", Destination = "duisburg", Constraints = new RouteConstraints { PayloadTonnes = 7.5 },
        });

        Assert.All(standard.Comparisons.SelectMany(c => c.Legs), leg => Assert.NotNull(SharedMessages.Encoded(leg)));
        Assert.All(light.Comparisons.SelectMany(c => c.Legs), leg => Assert.Null(SharedMessages.Encoded(leg))); // written for that answer alone
        Assert.All(light.Comparisons.SelectMany(c => c.Co2E.Factors), factor => Assert.NotNull(SharedMessages.Encoded(factor)));
        AssertSameBytes(standard);
        AssertSameBytes(light);
    }

    [Theory]
    [InlineData("comparisons.corridor_id,comparisons.transit_days,comparisons.sanction_risk.score")]
    [InlineData("comparisons.legs.distance_km,comparisons.legs.co2e")]
    [InlineData("origin,comparisons.legs,comparisons.geometry_geojson")]
    public void MaskedAnswers_AreTheBytesGoogleProtobufWrites(string paths)
    {
        var request = new CompareCorridorsRequest { Origin = "chongqing", Destination = "hamburg", ReadMask = new FieldMask() };
        request.ReadMask.Paths.Add(paths.Split(','));

        AssertSameBytes(Answer(request));
    }

    [Theory]
    [InlineData("red-sea-closed", "shanghai", "rotterdam", "")]
    [InlineData("cku-open", "xian", "duisburg", "2031-06-01")]
    [InlineData("poland-belarus-border-closed", "chengdu", "lodz", "")]
    [InlineData("caspian-ferry-congestion", "urumqi", "piraeus", "")]
    public void ScenarioAnswersWithTheirBaseline_AreTheBytesGoogleProtobufWrites(string scenarioId, string origin, string destination, string asOf)
    {
        var scenarios = new ShippedScenarios(Queries.Value.Router);
        Assert.Null(scenarios.TryResolve(scenarioId, out ScenarioOverlay? overlay));
        var request = new CompareCorridorsRequest
        {
            Origin = origin, Destination = destination, ScenarioId = scenarioId, IncludeBaseline = true,
            Constraints = new RouteConstraints { AsOf = asOf },
        };

        CompareCorridorsResponse response = Answer(request, overlay);

        Assert.NotEmpty(response.BaselineComparisons);
        Assert.NotEmpty(response.Deltas);
        AssertSameBytes(response);
    }

    [Fact]
    public void ForecastAndInfeasibleCorridors_AreTheBytesGoogleProtobufWrites()
    {
        var request = new CompareCorridorsRequest
        {
            Origin = "xian", Destination = "duisburg",
            Constraints = new RouteConstraints { AsOf = "2027-03-01", IncludePlanned = true, AvoidCountries = { "KZ" } },
        };

        CompareCorridorsResponse response = Answer(request);

        Assert.Contains(response.Comparisons, c => c.Reasons.Count > 0);
        AssertSameBytes(response);
    }

    [Fact]
    public void AMessageWithEveryFieldSet_IsTheBytesGoogleProtobufWrites()
    {
        var leg = new RouteLeg { LinkId = "l", DistanceKm = 1.5, Forecast = true, ForecastOpensOn = "2030-01-01", Co2EKg = 0 };
        var comparison = new CorridorComparison
        {
            CorridorId = "c", CorridorName = "C", Outcome = RouteOutcome.Found, DistanceKm = 2, TransitDays = new TransitDays { P50 = 3 },
            BorderCrossings = 300, GaugeBreaks = -1, ModeKm = new ModeKm { Rail = 1 }, Countries = { new CountryKm { Code = "KZ", Km = 1 } },
            Legs = { leg, leg }, SanctionRisk = new SanctionRisk { Score = 1 }, Co2EKg = 0, Explanation = "é ünïcode ✓",
            Reasons = { new Infeasibility { Value = "RU" } }, OpensOn = "", GeometryGeojson = new string('x', 70_000),
            Notes = { "a", "" },
            Co2E = new RouteCo2e
            {
                WtwKg = 1, TtwKg = -0.0, Basis = Co2eBasis.Mixed, LineHaulWtwKg = double.NaN, HubWtwKg = 2, Hubs = { new HubCo2e { FactorId = "h" } },
                Factors = { new Co2eFactor { Id = "f", SourceIds = { "S1" } }, new Co2eFactor() }, UsesStandIns = true, GridYear = 2024, Notes = { "n" },
            },
        };
        var response = new CompareCorridorsResponse
        {
            Origin = new PlaceSummary { Id = "o" }, Destination = new PlaceSummary { Id = "d" }, AsOf = "2026-11-29",
            Comparisons = { comparison, new CorridorComparison() }, Objective = Objective.Fastest, ScenarioId = "s", ScenarioVersion = long.MaxValue,
            BaselineComparisons = { comparison }, Deltas = { new CorridorDelta { CorridorId = "c", DeltaP50Days = 0 } },
            DataFreshness = new DataFreshness { Stale = true },
        };

        AssertSameBytes(response);
        AssertSameBytes(new CompareCorridorsResponse());
    }
}
