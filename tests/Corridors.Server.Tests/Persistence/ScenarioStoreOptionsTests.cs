using Corridors.Server.Persistence;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Corridors.Server.Tests.Persistence;

public sealed class ScenarioStoreOptionsTests
{
    /// <summary>The defaults live in ScenarioStoreOptions only; this pins them (change both on purpose).</summary>
    [Fact]
    public void Defaults_ArePinned()
    {
        var options = new ScenarioStoreOptions();

        Assert.Equal("Corridors:ScenarioStore", ScenarioStoreOptions.SectionName);
        Assert.Equal("data/corridors.db", options.DatabasePath);
        Assert.Equal(262_144, options.MaxDefinitionBytes);
        Assert.Equal(1_000, options.MaxScenarios);
        Assert.Equal(128, options.MaxIdLength);
        Assert.Equal(200, options.MaxNameLength);
        Assert.Equal(5, options.BusyTimeoutSeconds);
        Assert.Equal(256, options.ChangeBufferCapacity);
        Assert.Equal(Path.Combine("/srv/corridors", "data", "corridors.db"), options.ResolveDatabasePath("/srv/corridors"));
        Assert.Equal("/var/lib/c.db", new ScenarioStoreOptions { DatabasePath = "/var/lib/c.db" }.ResolveDatabasePath("/srv/corridors"));
    }

    [Fact]
    public async Task Registration_ResolvesOneStoreUnderTheContentRoot_AndOpensItOnStart()
    {
        string root = Path.Combine(Path.GetTempPath(), "corridors-di-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(root);
        try
        {
            await using ServiceProvider provider = Build(root, new Dictionary<string, string?> { ["Corridors:ScenarioStore:MaxScenarios"] = "7" });

            var store = provider.GetRequiredService<SqliteScenarioStore>();
            Assert.Same(store, provider.GetRequiredService<IScenarioStore>());
            Assert.Equal(Path.Combine(root, "data", "corridors.db"), store.DatabasePath);
            Assert.Equal(7, provider.GetRequiredService<IOptions<ScenarioStoreOptions>>().Value.MaxScenarios);
            foreach (IHostedService hosted in provider.GetServices<IHostedService>())
            {
                await hosted.StartAsync(CancellationToken.None).WaitAsync(Support.Bounded.Timeout);
            }

            Assert.Equal(ScenarioStoreState.Ready, store.Status.State);
            Assert.True(File.Exists(store.DatabasePath));
            store.Dispose();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Theory]
    [InlineData("MaxScenarios", "0")]
    [InlineData("MaxDefinitionBytes", "100")]
    [InlineData("DatabasePath", "")]
    [InlineData("BusyTimeoutSeconds", "0")]
    public async Task BadSetting_FailsValidationNamingIt(string key, string value)
    {
        await using ServiceProvider provider = Build(Path.GetTempPath(), new Dictionary<string, string?> { ["Corridors:ScenarioStore:" + key] = value });

        var exception = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<ScenarioStoreOptions>>().Value);

        Assert.Contains(key, exception.Message, StringComparison.Ordinal);
    }

    private static ServiceProvider Build(string contentRoot, Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddSingleton<IHostEnvironment>(new Environment { ContentRootPath = contentRoot });
        services.AddLogging();
        services.AddScenarioStore();
        return services.BuildServiceProvider();
    }

    private sealed class Environment : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Testing";

        public string ApplicationName { get; set; } = "Corridors.Server.Tests";

        public string ContentRootPath { get; set; } = "";

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
