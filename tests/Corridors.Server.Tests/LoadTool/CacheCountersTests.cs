extern alias LoadTool;

using LoadTool::Corridors.LoadTest;

namespace Corridors.Server.Tests.LoadTool;

/// <summary>The load tool's reading of the server's cache counters from a Prometheus page.</summary>
public sealed class CacheCountersTests
{
    // The shape the server's exporter writes (seen on a Release server's /metrics, 2026-12), cut down.
    private const string Page = """
        # TYPE corridors_comparison_cache_lookups_total counter
        # HELP corridors_comparison_cache_lookups_total CompareCorridors cache lookups, by result (hit or miss).
        corridors_comparison_cache_lookups_total{otel_scope_name="Corridors.Server",result="miss"} 1024
        corridors_comparison_cache_lookups_total{otel_scope_name="Corridors.Server",result="hit"} 98765
        # TYPE corridors_comparison_cache_lookups_elsewhere_total counter
        corridors_comparison_cache_lookups_elsewhere_total{result="hit"} 5
        # TYPE target_info gauge
        target_info{telemetry_sdk_name="opentelemetry"} 1
        """;

    [Fact]
    public void Parse_ReadsHitsAndMissesOfThatMetricOnly()
    {
        Assert.Equal(new CacheCounters(98_765, 1_024), CacheCounters.Parse(Page));
    }

    [Fact]
    public void Parse_SumsSeriesThatDifferInOtherLabels_AndAcceptsATimestamp()
    {
        const string page = """
            corridors_comparison_cache_lookups_total{otel_scope_name="A",result="hit"} 10 1733140000000
            corridors_comparison_cache_lookups_total{otel_scope_name="B",result="hit"} 2.5e1
            corridors_comparison_cache_lookups_total{result="miss",otel_scope_name="A"} 3
            """;

        Assert.Equal(new CacheCounters(35, 3), CacheCounters.Parse(page));
    }

    [Fact]
    public void Parse_NoSampleYet_IsZero()
    {
        CacheCounters counters = CacheCounters.Parse("# TYPE target_info gauge\ntarget_info{a=\"b\"} 1\n");

        Assert.Equal(new CacheCounters(0, 0), counters);
        Assert.Null(counters.HitRatio);
    }

    [Fact]
    public void Since_GivesTheWindowsHitRatio()
    {
        CacheCounters window = new CacheCounters(1_900, 1_100).Since(new CacheCounters(1_000, 1_000));

        Assert.Equal(new CacheCounters(900, 100), window);
        Assert.Equal(1_000, window.Lookups);
        Assert.Equal(0.9, window.HitRatio!.Value, 12);
    }

    [Theory]
    [InlineData("m{a=\"b\"} 42", 42.0)]
    [InlineData("m{a=\"b\"} 42 1733140000000", 42.0)]
    [InlineData("m{a=\"b\"} 1.5e3", 1500.0)]
    [InlineData("m 7", 7.0)]
    public void SampleValue_IsTheNumberAfterTheLabels(string line, double expected)
    {
        Assert.Equal(expected, PrometheusText.SampleValue(line));
    }

    [Fact]
    public void SampleValue_NoNumber_IsNull()
    {
        Assert.Null(PrometheusText.SampleValue("m{a=\"b\"} NaNx"));
    }
}
