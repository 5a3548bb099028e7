using System.Text.Json.Nodes;
using Corridors.Application.Mapping;
using Corridors.Application.Queries;
using Corridors.Domain.Places;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using V1 = Corridors.Contracts.V1;

namespace Corridors.Application.Tests.Mapping;

/// <summary>
/// CompareCorridors' read mask (AIP-157): the masked answer holds exactly the fields named, checked against an
/// independent filter of the full answer's JSON; routes' costly parts left out are not written; every path that names
/// no field is INVALID_ARGUMENT naming it; shared leg messages are never changed by a masked answer.
/// </summary>
public sealed class ResponseMaskTests
{
    private static readonly CorridorQueries Queries = new(
        RealNetwork.Router, new PlaceResolver(RealNetwork.Router.Dataset.Network), QueryLimits.Default, "tests");

    private static V1.CompareCorridorsRequest Request(params string[] paths)
    {
        var request = new V1.CompareCorridorsRequest { Origin = "xian", Destination = "duisburg", Constraints = new() { AsOf = "2026-11-29", IncludePlanned = true } };
        if (paths.Length > 0)
        {
            request.ReadMask = new FieldMask();
            request.ReadMask.Paths.Add(paths);
        }

        return request;
    }

    private static V1.CompareCorridorsResponse Answer(params string[] paths) =>
        Queries.CompareCorridors(Request(paths)).Value ?? throw new InvalidOperationException("the query failed");

    public static TheoryData<string> Masks => new()
    {
        "comparisons.transit_days",
        "origin,comparisons.corridor_id,comparisons.transit_days.p50,comparisons.sanction_risk.score",
        "comparisons.*.legs.*.distance_km,as_of",
        "comparisons.legs.co2e.traction,comparisons.legs.link_id",
        "comparisons.co2e.factors.source_ids,comparisons.co2e_kg",
        "comparisons.geometry_geojson,comparisons.outcome",
        "comparisons.opens_on,comparisons.reasons,comparisons.outcome",
        "data_freshness,destination.country",
        "comparisons",
        "comparisons.countries,comparisons.countries.km",
    };

    [Theory]
    [MemberData(nameof(Masks))]
    public void MaskedAnswer_IsTheFullAnswerFilteredToTheNamedFields(string mask)
    {
        string[] paths = mask.Split(',');
        V1.CompareCorridorsResponse full = Answer();

        V1.CompareCorridorsResponse masked = Answer(paths);

        JsonNode expected = Filter(JsonNode.Parse(JsonFormatter.Default.Format(full))!, paths);
        Assert.Equal(expected.ToJsonString(), JsonNode.Parse(JsonFormatter.Default.Format(masked))!.ToJsonString());
        Assert.True(masked.CalculateSize() < full.CalculateSize(), $"{masked.CalculateSize()} bytes masked, {full.CalculateSize()} full");
    }

    [Fact]
    public void NoMask_EmptyMask_AndStar_AllGiveTheWholeAnswer()
    {
        V1.CompareCorridorsResponse full = Answer();

        V1.CompareCorridorsRequest emptyMask = Request();
        emptyMask.ReadMask = new FieldMask();

        Assert.Equal(full, Queries.CompareCorridors(emptyMask).Value);
        Assert.Equal(full, Answer("*"));
        Assert.Equal(full, Answer("*", "origin"));
        Assert.NotEmpty(full.Comparisons.First(c => c.CorridorId == "northern").Legs);
    }

    [Fact]
    public void WildcardAndPlainPathsIntoRepeatedFields_AreTheSame()
    {
        Assert.Equal(Answer("comparisons.legs.from.id"), Answer("comparisons.*.legs.*.from.id"));
        Assert.Equal(Answer("comparisons.legs"), Answer("comparisons.*.legs", "comparisons.legs.link_id"));
        Assert.Equal(Answer("comparisons.transit_days.p50", "data_freshness"), Answer("comparisons.transitDays.p50", "dataFreshness")); // JSON names too
    }

    [Fact]
    public void FiguresOnly_LeaveOutLegsGeometryAndCo2eDetail_AndAreAFewPercentOfTheFullAnswer()
    {
        V1.CompareCorridorsResponse full = Answer();

        V1.CompareCorridorsResponse figures = Answer("comparisons.corridor_id", "comparisons.outcome", "comparisons.distance_km", "comparisons.transit_days", "comparisons.co2e_kg", "comparisons.sanction_risk.score");

        V1.CorridorComparison northern = figures.Comparisons.Single(c => c.CorridorId == "northern");
        V1.CorridorComparison fullNorthern = full.Comparisons.Single(c => c.CorridorId == "northern");
        Assert.Empty(northern.Legs);
        Assert.Equal(string.Empty, northern.GeometryGeojson);
        Assert.Null(northern.Co2E);
        Assert.Equal(fullNorthern.DistanceKm, northern.DistanceKm);
        Assert.Equal(fullNorthern.TransitDays, northern.TransitDays);
        Assert.Equal(fullNorthern.Co2EKg, northern.Co2EKg);
        Assert.Equal(fullNorthern.SanctionRisk.Score, northern.SanctionRisk.Score);
        Assert.Empty(northern.SanctionRisk.Exposures);
        Assert.True(figures.CalculateSize() * 20 < full.CalculateSize(), $"{figures.CalculateSize()} bytes, full {full.CalculateSize()}");
    }

    [Fact]
    public void AMaskedAnswer_LeavesTheSharedLegMessagesWhole()
    {
        V1.CompareCorridorsResponse before = Answer();

        V1.CompareCorridorsResponse masked = Answer("comparisons.legs.distance_km");
        V1.CompareCorridorsResponse after = Answer();

        Assert.Equal(before, after);
        int northern = after.Comparisons.ToList().FindIndex(c => c.CorridorId == "northern"); // the masked answer has no ids
        V1.RouteLeg maskedLeg = masked.Comparisons[northern].Legs[0];
        V1.RouteLeg fullLeg = after.Comparisons[northern].Legs[0];
        Assert.Equal(fullLeg.DistanceKm, maskedLeg.DistanceKm);
        Assert.Equal(string.Empty, maskedLeg.LinkId);
        Assert.Equal("xian-baoji", fullLeg.LinkId);
    }

    public static TheoryData<string, string> BadPaths => new()
    {
        { "comparisons.transit", "\"comparisons.transit\" names no field: CorridorComparison has no field transit" },
        { "comparisons.transitdays", "\"comparisons.transitdays\" names no field: CorridorComparison has no field transitdays" },
        { "comparisons.distance_km.value", "\"comparisons.distance_km.value\" goes below distance_km, which has no fields" },
        { "origin.*.id", "\"origin.*.id\" puts * after origin, which is not a repeated field" },
        { "comparisons.*", "\"comparisons.*\" ends with *: name a field of comparisons after it, or leave .* out for all of them" },
        { "comparisons..corridor_id", "\"comparisons..corridor_id\" has an empty field name" },
        { "", "\"\" has an empty field name" },
        { "legs", "\"legs\" names no field: CompareCorridorsResponse has no field legs" },
    };

    [Theory]
    [MemberData(nameof(BadPaths))]
    public void APathThatNamesNoField_IsInvalidArgument_NamingIt(string path, string message)
    {
        ContractResult<V1.CompareCorridorsResponse> result = Queries.CompareCorridors(Request("origin", path));

        ContractError error = Assert.Single(result.Errors);
        Assert.Equal(ContractErrorKind.InvalidArgument, error.Kind);
        Assert.Equal("read_mask", error.Field);
        Assert.Equal(message, error.Description);
    }

    [Fact]
    public void SeveralBadPaths_AreEachNamed()
    {
        ContractResult<V1.CompareCorridorsResponse> result = Queries.CompareCorridors(Request("comparisons.x", "as_of", "y"));

        Assert.Equal(["\"comparisons.x\" names no field: CorridorComparison has no field x", "\"y\" names no field: CompareCorridorsResponse has no field y"],
            result.Errors.Select(e => e.Description));
    }

    /// <summary>The reference: the full answer's JSON with only the named keys kept (arrays filtered element by element).</summary>
    private static JsonNode Filter(JsonNode full, IEnumerable<string> paths)
    {
        var tree = new Dictionary<string, object?>();
        foreach (string path in paths)
        {
            Dictionary<string, object?> node = tree;
            string[] names = [.. path.Split('.').Where(n => n != "*").Select(Camel)];
            for (int i = 0; i < names.Length; i++)
            {
                if (i == names.Length - 1 || (node.TryGetValue(names[i], out object? sub) && sub is null))
                {
                    node[names[i]] = null;
                    break;
                }

                node = (Dictionary<string, object?>)(node.TryGetValue(names[i], out object? below) && below is not null ? below : node[names[i]] = new Dictionary<string, object?>());
            }
        }

        return Keep(full, tree)!;
    }

    private static JsonNode? Keep(JsonNode? node, Dictionary<string, object?> tree) => node switch
    {
        JsonArray array => new JsonArray([.. array.Select(item => Keep(item, tree))]),
        JsonObject obj => new JsonObject(obj.Where(p => tree.ContainsKey(p.Key)).Select(p => KeyValuePair.Create(p.Key,
            tree[p.Key] is Dictionary<string, object?> below ? Keep(p.Value, below) : p.Value?.DeepClone()))),
        _ => node?.DeepClone(),
    };

    private static string Camel(string snake)
    {
        string[] words = snake.Split('_');
        return words[0] + string.Concat(words.Skip(1).Select(w => char.ToUpperInvariant(w[0]) + w[1..]));
    }
}
