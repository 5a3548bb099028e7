using Corridors.Contracts.V1;
using Corridors.Server.Metrics;
using Corridors.Server.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Place = Corridors.Domain.Network.Place;

namespace Corridors.Server.Tests.Metrics;

public sealed class MetricsBoardCacheTests
{
    [Fact]
    public void WhenFull_TheLeastRecentlyUsedBoardsLeave_AndABoardInUseStays()
    {
        using var factory = new ServerFactory();
        MetricsBoard board = factory.Services.GetRequiredService<MetricsBoard>();
        var catalog = new CatalogService.CatalogServiceClient(factory.CreateChannel());
        string[] places = [.. catalog.ListPlaces(new ListPlacesRequest(), deadline: Bounded.Deadline()).Places.Select(p => p.Id)];
        IReadOnlyList<(Place, Place)> hot = Pairs(board, "xian", "duisburg");
        GetCorridorMetricsResponse first = board.Get(hot, scenario: null, CancellationToken.None);

        int boards = 0;
        foreach (string origin in places.Take(20))
        {
            foreach (string destination in places.Skip(20).Take(15))
            {
                board.Get(Pairs(board, origin, destination), scenario: null, CancellationToken.None);
                Assert.Same(first, board.Get(hot, scenario: null, CancellationToken.None)); // used after every other board: never evicted
                boards++;
            }
        }

        Assert.True(boards > MetricsBoard.MaxCachedBoards, $"{boards} boards");
        Assert.InRange(board.CachedBoards, MetricsBoard.MaxCachedBoards * 9 / 10, MetricsBoard.MaxCachedBoards);
    }

    private static IReadOnlyList<(Place, Place)> Pairs(MetricsBoard board, string origin, string destination) =>
        board.ResolvePairs([new OdPair { Origin = origin, Destination = destination }]).Value!;
}
