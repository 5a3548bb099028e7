using Corridors.Domain.Dataset;
using Corridors.Domain.Dates;
using Corridors.Domain.Geo;
using Corridors.Domain.Network.Loading;
using Corridors.Domain.Routing;

namespace Corridors.Application.Tests;

/// <summary>The repository's <c>networks/</c>, loaded once for the test run, with the business date pinned.</summary>
internal static class RealNetwork
{
    public static readonly DateOnly ReviewDay = new(2026, 11, 29);

    private static readonly Lazy<CorridorRouter> Shared = new(Load);

    public static CorridorRouter Router => Shared.Value;

    private static CorridorRouter Load()
    {
        string? root = null;
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null && root is null; dir = dir.Parent)
        {
            root = File.Exists(Path.Combine(dir.FullName, "Corridors.sln")) ? dir.FullName : null;
        }

        CorridorDatasetLoadResult loaded = new CorridorDatasetLoader(Wgs84.CreateFactory())
            .Load(Path.Combine(root ?? throw new InvalidOperationException("Corridors.sln not found"), "networks"));
        CorridorDataset dataset = loaded.Dataset ?? throw new InvalidOperationException(string.Join("; ", loaded.Problems.Take(5)));
        return new CorridorRouter(dataset, BusinessCalendar.Pinned(ReviewDay), Wgs84.CreateFactory());
    }
}
