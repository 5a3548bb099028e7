using Corridors.Server.Options;
using Corridors.Server.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Corridors.Server.Tests.Options;

public sealed class OptionsTests
{
    /// <summary>The defaults live in CorridorsServerOptions only; this pins them (change both on purpose).</summary>
    [Fact]
    public void Defaults_ArePinned()
    {
        var options = new CorridorsServerOptions();

        Assert.Equal("networks", options.NetworksDirectory);
        Assert.Equal("src/Corridors.Dashboard/dist", options.DashboardDirectory);
        Assert.Equal("127.0.0.1", options.ListenAddress);
        Assert.Equal(50051, options.GrpcPort);
        Assert.Equal(50080, options.HttpPort);
        Assert.Equal(2_500, options.MaxMatrixCells);
        Assert.Equal(256, options.MaxListItems);
        Assert.Equal(200, options.MaxTextLength);
        Assert.Equal(250, options.MaxSnapDistanceKm);
        Assert.Equal(50, options.MaxMetricsPairs);
        Assert.Equal(15, options.MetricsHeartbeatSeconds);
        Assert.Equal(1024 * 1024, options.MaxRequestMessageBytes);
        Assert.Equal(1_024, options.ComparisonCacheEntries);
        Assert.Empty(options.MetricsBoard);
        Assert.Equal(["xian>duisburg", "chongqing>duisburg", "shanghai>rotterdam", "kashgar>tashkent"],
            options.EffectiveMetricsBoard.Select(p => p.Origin + ">" + p.Destination));
    }

    [Fact]
    public void Defaults_AreWhatTheServerRunsWith()
    {
        using var factory = new ServerFactory();

        CorridorsServerOptions running = factory.Services.GetRequiredService<IOptions<CorridorsServerOptions>>().Value;

        Assert.Equal(new CorridorsServerOptions().GrpcPort, running.GrpcPort);
        Assert.Equal(new CorridorsServerOptions().MaxMatrixCells, running.MaxMatrixCells);
        Assert.Equal(new CorridorsServerOptions().MetricsHeartbeatSeconds, running.MetricsHeartbeatSeconds);
    }

    [Theory]
    [InlineData("Corridors:GrpcPort", "70000", "GrpcPort")]
    [InlineData("Corridors:MaxMatrixCells", "100000000", "MaxMatrixCells")]
    [InlineData("Corridors:MetricsHeartbeatSeconds", "0", "MetricsHeartbeatSeconds")]
    [InlineData("Corridors:ListenAddress", "localhost.example", "is not an IP address")]
    [InlineData("Corridors:HttpPort", "50051", "need two ports")]
    public void BadSetting_StopsStartUpNamingIt(string key, string value, string expected)
    {
        using var factory = new ServerFactory(new Dictionary<string, string?> { [key] = value });

        OptionsValidationException exception = Assert.Throws<OptionsValidationException>(() => factory.Server);

        Assert.Contains(expected, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ConfiguredBoard_ReplacesTheDefault()
    {
        using var factory = new ServerFactory(new Dictionary<string, string?>
        {
            ["Corridors:MetricsBoard:0:Origin"] = "chengdu",
            ["Corridors:MetricsBoard:0:Destination"] = "hamburg",
        });

        CorridorsServerOptions running = factory.Services.GetRequiredService<IOptions<CorridorsServerOptions>>().Value;

        Assert.Equal(["chengdu>hamburg"], running.EffectiveMetricsBoard.Select(p => p.Origin + ">" + p.Destination));
    }
}
