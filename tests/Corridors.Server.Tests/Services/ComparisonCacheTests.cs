using Corridors.Contracts.V1;
using Corridors.Server.Options;
using Corridors.Server.Services;

namespace Corridors.Server.Tests.Services;

public sealed class ComparisonCacheTests
{
    private static readonly DateOnly Today = new(2026, 11, 29);

    [Fact]
    public void WhenFull_TheLeastRecentlyUsedLeave_NotEveryEntry()
    {
        using var cache = new ComparisonCache(Microsoft.Extensions.Options.Options.Create(new CorridorsServerOptions { ComparisonCacheEntries = 100 }));
        int computed = 0;
        CompareCorridorsResponse Compute()
        {
            computed++;
            return new CompareCorridorsResponse();
        }

        for (int i = 0; i < 500; i++)
        {
            cache.GetOrAdd(Request(i), Today, null, Compute);
            cache.GetOrAdd(Request(0), Today, null, Compute); // the hot entry, used after every other one
        }

        Assert.InRange(cache.Count, 1, 100);
        int before = computed;
        cache.GetOrAdd(Request(0), Today, null, Compute);
        Assert.Equal(before, computed); // still cached: recently used entries stay when the cache is full
    }

    [Fact]
    public void ZeroEntries_TurnsItOff()
    {
        using var cache = new ComparisonCache(Microsoft.Extensions.Options.Options.Create(new CorridorsServerOptions { ComparisonCacheEntries = 0 }));
        int computed = 0;

        cache.GetOrAdd(Request(1), Today, null, () => { computed++; return new CompareCorridorsResponse(); });
        cache.GetOrAdd(Request(1), Today, null, () => { computed++; return new CompareCorridorsResponse(); });

        Assert.Equal(2, computed);
        Assert.Equal(0, cache.Count);
    }

    [Fact]
    public void AnotherScenarioRevisionOrDay_IsAnotherAnswer()
    {
        using var cache = new ComparisonCache(Microsoft.Extensions.Options.Options.Create(new CorridorsServerOptions()));
        var baseline = new CompareCorridorsResponse { Comparisons = { new CorridorComparison { CorridorId = "baseline" } } };
        var scenario = new CompareCorridorsResponse { Comparisons = { new CorridorComparison { CorridorId = "scenario" } } };

        cache.GetOrAdd(Request(1), Today, null, () => baseline);

        Assert.Same(scenario, cache.GetOrAdd(Request(1), Today, "red-sea-closed@1", () => scenario));
        Assert.Same(baseline, cache.GetOrAdd(Request(1), Today, null, () => scenario));
        Assert.NotSame(baseline, cache.GetOrAdd(Request(1), Today.AddDays(1), null, () => scenario));
    }

    [Fact]
    public void ForgottenRevision_ItsAnswersAreDropped_OtherRevisionsAndTheBaselineStay()
    {
        using var cache = new ComparisonCache(Microsoft.Extensions.Options.Options.Create(new CorridorsServerOptions()));
        int computed = 0;
        CompareCorridorsResponse Compute()
        {
            computed++;
            return new CompareCorridorsResponse();
        }

        for (int i = 0; i < 3; i++)
        {
            cache.GetOrAdd(Request(i), Today, "brest.v1.0123abcd", Compute);
            cache.GetOrAdd(Request(i), Today, "red-sea.v4.89ab0123", Compute);
            cache.GetOrAdd(Request(i), Today, null, Compute);
        }

        cache.Forget("brest.v1.0123abcd"); // the scenario was replaced here or on another replica
        cache.Forget("never-cached.v1.00000000");
        int before = computed;
        for (int i = 0; i < 3; i++)
        {
            cache.GetOrAdd(Request(i), Today, "red-sea.v4.89ab0123", Compute);
            cache.GetOrAdd(Request(i), Today, null, Compute);
        }

        Assert.Equal(before, computed); // the other scenario's and the baseline's answers stay
        cache.GetOrAdd(Request(0), Today, "brest.v1.0123abcd", Compute);
        Assert.Equal(before + 1, computed); // the forgotten revision's answer is gone
    }

    private static CompareCorridorsRequest Request(int i) => new() { Origin = "xian", Destination = $"place-{i}" };
}
