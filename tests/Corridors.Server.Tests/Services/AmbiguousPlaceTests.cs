using Corridors.Contracts.V1;
using Corridors.Server.Tests.Support;
using Grpc.Core;

namespace Corridors.Server.Tests.Services;

/// <summary>
/// The real network has no ambiguous name, so these tests run on a copy of it in which "Rhine Port" is an alias of
/// both Duisburg and Rotterdam.
/// </summary>
public sealed class AmbiguousPlaceTests : IDisposable
{
    private readonly NetworkCopy _network = new();
    private readonly ServerFactory _factory;

    public AmbiguousPlaceTests()
    {
        _network.AddAlias("duisburg", "Rhine Port");
        _network.AddAlias("rotterdam", "Rhine Port");
        _factory = new ServerFactory(new Dictionary<string, string?> { ["Corridors:NetworksDirectory"] = _network.Directory });
    }

    [Fact]
    public async Task ResolvePlace_SharedAlias_IsAmbiguousWithBothCandidates()
    {
        var client = new CatalogService.CatalogServiceClient(_factory.CreateChannel());

        ResolvePlaceResponse response = await client.ResolvePlaceAsync(new ResolvePlaceRequest { Text = "rhine port" }, deadline: Bounded.Deadline()).Within();

        Assert.Equal(PlaceMatch.Ambiguous, response.Match);
        Assert.Null(response.Place);
        Assert.Equal(["duisburg", "rotterdam"], response.Candidates.Select(p => p.Id));
    }

    [Fact]
    public async Task CompareCorridors_AmbiguousDestination_IsNotFoundWithTheCandidatesInTheDetails()
    {
        var client = new ComparisonService.ComparisonServiceClient(_factory.CreateChannel());

        RichError error = await client.CompareCorridorsAsync(
            new CompareCorridorsRequest { Origin = "xian", Destination = "Rhine Port" }, deadline: Bounded.Deadline()).Fails(StatusCode.NotFound);

        Assert.Equal(["destination"], error.Fields);
        Assert.Equal("PLACE_AMBIGUOUS", error.ErrorInfo.Reason);
        Assert.Equal("duisburg,rotterdam", error.ErrorInfo.Metadata["destination"]);
        Assert.Equal("PLACE_AMBIGUOUS", error.BadRequest.FieldViolations[0].Reason);
        Assert.Contains("'Rhine Port' is ambiguous: it matches duisburg (Duisburg, DE), rotterdam (Rotterdam, NL)",
            error.DescriptionOf("destination"), StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _factory.Dispose();
        _network.Dispose();
    }
}
