extern alias LoadTool;

using System.Text.Json.Nodes;
using Corridors.Contracts.V1;
using Corridors.Server.Tests.Support;
using Google.Protobuf;
using LoadTool::Corridors.LoadTest;

namespace Corridors.Server.Tests.LoadTool;

/// <summary>The load tool's <c>--mix</c> requests: distinct, reproducible, from real places and answered dates.</summary>
public sealed class CompareMixTests
{
    [Fact]
    public void One_IsThePlainRequest()
    {
        CompareCorridorsRequest only = Assert.Single(CompareMix.Build("xian", "duisburg", 1, seed: 1));

        Assert.Equal(new CompareCorridorsRequest { Origin = "xian", Destination = "duisburg" }, only);
    }

    [Fact]
    public void Many_AreDistinctAsTheCacheKeysThem_AndBeginWithThePlainRequest()
    {
        IReadOnlyList<CompareCorridorsRequest> requests = CompareMix.Build("xian", "duisburg", 5_000, seed: 1);

        Assert.Equal(5_000, requests.Count);
        Assert.Equal(5_000, requests.Select(r => r.ToByteString()).Distinct().Count());
        Assert.Equal(new CompareCorridorsRequest { Origin = "xian", Destination = "duisburg" }, requests[0]);
    }

    [Fact]
    public void SameSeed_SameRequests_OtherSeed_Others()
    {
        IReadOnlyList<CompareCorridorsRequest> first = CompareMix.Build("xian", "duisburg", 200, seed: 3);

        Assert.Equal(first, CompareMix.Build("xian", "duisburg", 200, seed: 3));
        Assert.NotEqual(first.Skip(1), CompareMix.Build("xian", "duisburg", 200, seed: 4).Skip(1));
    }

    [Fact]
    public void Drawn_RunBetweenChinaAndEurope_OnAnsweredDates_ForANamedShipper()
    {
        IReadOnlyList<CompareCorridorsRequest> drawn = [.. CompareMix.Build("xian", "duisburg", 2_000, seed: 1).Skip(1)];

        foreach (CompareCorridorsRequest r in drawn)
        {
            bool westbound = CompareMix.ChinaTerminals.Contains(r.Origin) && CompareMix.EuropeTerminals.Contains(r.Destination);
            bool eastbound = CompareMix.EuropeTerminals.Contains(r.Origin) && CompareMix.ChinaTerminals.Contains(r.Destination);
            Assert.True(westbound || eastbound, $"{r.Origin}→{r.Destination}");
            Assert.InRange(DateOnly.ParseExact(r.Constraints.AsOf, "yyyy-MM-dd"), new DateOnly(2014, 1, 1), new DateOnly(2040, 12, 31));
            Assert.Contains(r.Constraints.Perspective.CargoClass, CompareMix.CargoClasses);
            Assert.NotEmpty(r.Constraints.Perspective.Regimes);
        }

        // 8 in 10 westbound, within a wide margin for 1,999 draws; dates over the whole range.
        Assert.InRange(drawn.Count(r => CompareMix.ChinaTerminals.Contains(r.Origin)) / (double)drawn.Count, 0.75, 0.85);
        Assert.Equal(27, drawn.Select(r => r.Constraints.AsOf[..4]).Distinct().Count());
    }

    [Fact]
    public void Terminals_AreCitiesOrSeaportsOfTheRealNetwork_InTheirContinent()
    {
        JsonNode places = JsonNode.Parse(File.ReadAllText(Path.Combine(NetworkCopy.RealNetworks, "places.geojson")))!;
        Dictionary<string, (string Country, string Kind)> byId = places["features"]!.AsArray().ToDictionary(
            f => (string)f!["id"]!,
            f => ((string)f!["properties"]!["country"]!, (string)f!["properties"]!["kind"]!));
        string[] europe = ["AT", "BE", "DE", "ES", "GR", "HU", "NL", "PL", "RO"];

        foreach (string id in CompareMix.ChinaTerminals.Concat(CompareMix.EuropeTerminals))
        {
            Assert.True(byId.ContainsKey(id), $"{id} is not in networks/places.geojson");
            Assert.True(byId[id].Kind is "city" or "seaport", $"{id} is a {byId[id].Kind}");
        }

        Assert.All(CompareMix.ChinaTerminals, id => Assert.Equal("CN", byId[id].Country));
        Assert.All(CompareMix.EuropeTerminals, id => Assert.Contains(byId[id].Country, europe));
    }
}
