extern alias LoadTool;

using LoadTool::Corridors.LoadTest;

namespace Corridors.Server.Tests.LoadTool;

/// <summary>The load tool's command line (tests/Corridors.LoadTest): defaults, the mix, the metrics address and refusals.</summary>
public sealed class LoadOptionsTests
{
    [Fact]
    public void NoArguments_OneRequestAgainstTheDefaultPorts()
    {
        LoadOptions options = Parsed();

        Assert.Equal(1, options.Mix);
        Assert.Equal(1, options.Seed);
        Assert.Equal(new Uri("http://127.0.0.1:50051"), options.Server);
        Assert.Equal(new Uri("http://127.0.0.1:50080/"), options.MetricsAddress);
        Assert.False(options.StartServer);
        Assert.Equal(("xian", "duisburg"), (options.Origin, options.Destination));
    }

    [Fact]
    public void MixSeedAndMetrics_AreRead()
    {
        LoadOptions options = Parsed("--mix", "5000", "--seed", "7", "--server", "http://localhost:6000", "--metrics", "http://[::1]:6001");

        Assert.Equal(5000, options.Mix);
        Assert.Equal(7, options.Seed);
        Assert.Equal(new Uri("http://[::1]:6001/"), options.MetricsAddress);
    }

    [Fact]
    public void MetricsNotGiven_IsTheServersHostOnTheDefaultHttpPort()
    {
        Assert.Equal(new Uri("http://localhost:50080/"), Parsed("--server", "http://localhost:6000").MetricsAddress);
    }

    [Fact]
    public void StartServerWithNoCache_IsAccepted()
    {
        LoadOptions options = Parsed("--start-server", "--no-cache", "--mix", "1");

        Assert.True(options.StartServer);
        Assert.True(options.NoCache);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-3")]
    [InlineData("100001")]
    [InlineData("lots")]
    [InlineData("1.5")]
    public void BadMix_IsRefusedWithTheRange(string mix)
    {
        Assert.Equal($"--mix takes how many distinct CompareCorridors requests to cycle through, a whole number from 1 to 100,000; got {mix}", Refused("--mix", mix));
    }

    [Fact]
    public void ReadMaskAndRounds_AreRead_AndDefaultToTheWholeAnswerInOneRound()
    {
        LoadOptions options = Parsed("--read-mask", "comparisons.corridor_id, comparisons.transit_days", "--rounds", "4");

        Assert.Equal(["comparisons.corridor_id", "comparisons.transit_days"], options.ReadMask);
        Assert.Equal(4, options.Rounds);
        Assert.Null(Parsed().ReadMask);
        Assert.Equal(1, Parsed().Rounds);
    }

    [Theory]
    [InlineData("--read-mask", "comparisons.corridor_id,,origin", "--read-mask takes comma-separated field paths of CompareCorridorsResponse, e.g. comparisons.corridor_id,comparisons.transit_days; got 'comparisons.corridor_id,,origin'")]
    [InlineData("--read-mask", " ", "--read-mask takes comma-separated field paths of CompareCorridorsResponse, e.g. comparisons.corridor_id,comparisons.transit_days; got ' '")]
    [InlineData("--rounds", "0", "--rounds takes how many times the two phases alternate, a whole number from 1 to 20; got 0")]
    [InlineData("--rounds", "21", "--rounds takes how many times the two phases alternate, a whole number from 1 to 20; got 21")]
    public void BadReadMaskOrRounds_AreRefused(string option, string value, string message)
    {
        Assert.Equal(message, Refused(option, value));
    }

    [Fact]
    public void MixAtTheCeiling_IsAccepted()
    {
        Assert.Equal(CompareMix.MaxRequests, Parsed("--mix", "100000").Mix);
    }

    [Theory]
    [InlineData("--server", "http://10.1.2.3:50051", "--server must be a loopback address (127.0.0.1, ::1 or localhost), got 10.1.2.3")]
    [InlineData("--metrics", "http://example.com:50080", "--metrics must be a loopback address (127.0.0.1, ::1 or localhost), got example.com")]
    public void NonLoopbackAddress_IsRefused(string option, string address, string message)
    {
        Assert.Equal(message, Refused(option, address));
    }

    [Fact]
    public void SeveralServers_AreReplicas_AndTheFirstGivesTheMetrics()
    {
        LoadOptions options = Parsed("--server", "http://127.0.0.1:50051,http://[::1]:50052");

        Assert.Equal([new Uri("http://127.0.0.1:50051"), new Uri("http://[::1]:50052")], options.Replicas);
        Assert.Equal(new Uri("http://127.0.0.1:50051"), options.Server);
        Assert.Equal(new Uri("http://127.0.0.1:50080/"), options.MetricsAddress);
    }

    [Fact]
    public void SeveralServers_OneNotOnLoopback_IsRefused()
    {
        Assert.Equal("--server must be a loopback address (127.0.0.1, ::1 or localhost), got 10.0.0.7",
            Refused("--server", "http://127.0.0.1:50051,http://10.0.0.7:50051"));
    }

    [Fact]
    public void NonLoopbackServer_IsRefusedEvenWhenItsMetricsAreOnLoopback()
    {
        Assert.StartsWith("--server must be a loopback address", Refused("--server", "http://192.168.1.1:50051", "--metrics", "http://127.0.0.1:50080"), StringComparison.Ordinal);
    }

    [Fact]
    public void NoCacheWithoutStartServer_IsRefused()
    {
        Assert.Equal("--no-cache goes with --start-server (to turn off the cache of a server you start yourself, give it --Corridors:ComparisonCacheEntries=0)", Refused("--no-cache"));
    }

    [Theory]
    [InlineData("--server", "http://127.0.0.1:50051")]
    [InlineData("--metrics", "http://127.0.0.1:50080")]
    public void StartServerWithAnAddress_IsRefused(string option, string address)
    {
        Assert.Equal("--start-server picks the started server's loopback ports itself: leave out --server and --metrics", Refused("--start-server", option, address));
    }

    [Fact]
    public void MissingValue_IsNamed()
    {
        Assert.Equal("--mix needs a value", Refused("--mix"));
    }

    [Fact]
    public void Help_IsTheUsageAndMentionsTheNewOptions()
    {
        (LoadOptions? options, string? text) = LoadOptions.Parse(["--help"]);

        Assert.Null(options);
        Assert.Equal(LoadOptions.Usage, text);
        Assert.Contains("--mix N", text, StringComparison.Ordinal);
        Assert.Contains("--metrics URL", text, StringComparison.Ordinal);
        Assert.Contains("--start-server", text, StringComparison.Ordinal);
        Assert.Contains("--no-cache", text, StringComparison.Ordinal);
    }

    private static LoadOptions Parsed(params string[] args)
    {
        (LoadOptions? options, string? error) = LoadOptions.Parse(args);
        Assert.Null(error);
        return options!;
    }

    private static string Refused(params string[] args)
    {
        (LoadOptions? options, string? error) = LoadOptions.Parse(args);
        Assert.Null(options);
        return error!;
    }
}
