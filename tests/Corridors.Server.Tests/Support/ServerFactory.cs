using Grpc.Net.Client;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Corridors.Server.Tests.Support;

/// <summary>
/// The real server in memory (TestServer), on the real <c>networks/</c> folder, with a fake wall clock fixed at
/// <see cref="Start"/> so as-of dates and metrics versions are deterministic (or, with <c>realWallClock</c>, the real
/// clock, the business date then pinned by <c>Corridors:BusinessDate</c>). Its scenario store is a fresh SQLite
/// file in a temp folder (removed on dispose) unless the settings name one.
/// </summary>
public sealed class ServerFactory : WebApplicationFactory<Program>
{
    /// <summary>Noon UTC on the day the tests were written.</summary>
    public static readonly DateTimeOffset Start = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);

    /// <summary>The setting naming the scenario database file.</summary>
    public const string StorePathKey = "Corridors:ScenarioStore:DatabasePath";

    /// <summary>The setting naming the keys file <c>corridors keys add</c> writes.</summary>
    public const string KeysFileKey = "Corridors:ApiKeys:KeysFile";

    private readonly Dictionary<string, string?> _settings;
    private readonly string? _ownStoreFolder;
    private readonly bool _kestrel;
    private readonly bool _realWallClock;

    public ServerFactory(IReadOnlyDictionary<string, string?>? settings = null, DateTimeOffset? start = null, bool kestrel = false, bool realWallClock = false)
    {
        _realWallClock = realWallClock;
        _settings = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>());
        if (!_settings.ContainsKey(StorePathKey))
        {
            _ownStoreFolder = Path.Combine(Path.GetTempPath(), "corridors-server-" + Guid.NewGuid().ToString("N"));
            _settings[StorePathKey] = Path.Combine(_ownStoreFolder, "scenarios.db");
        }

        // Never the developer's own keys file (corridors keys add): only the keys a test configures.
        _settings.TryAdd(KeysFileKey, Path.Combine(Path.GetTempPath(), "corridors-no-keys-" + Guid.NewGuid().ToString("N") + ".json"));

        Clock = new FakeTimeProvider(start ?? Start);
        _kestrel = kestrel;
        if (kestrel)
        {
            // Real sockets on free loopback ports (the server's own endpoint setup, ports 0).
            _settings.TryAdd("Corridors:GrpcPort", "0");
            _settings.TryAdd("Corridors:HttpPort", "0");
            UseKestrel();
        }
    }

    public FakeTimeProvider Clock { get; }

    /// <summary>Everything the server logged.</summary>
    public CapturedLogs Logs { get; } = new();

    /// <summary>A gRPC channel over the in-memory test handler.</summary>
    public GrpcChannel CreateChannel() =>
        GrpcChannel.ForAddress(Server.BaseAddress, new GrpcChannelOptions { HttpHandler = Server.CreateHandler() });

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseEnvironment("Testing");
        builder.ConfigureAppConfiguration(configuration => configuration.AddInMemoryCollection(_settings));
        builder.ConfigureLogging(logging => logging.AddProvider(Logs).SetMinimumLevel(Microsoft.Extensions.Logging.LogLevel.Debug));
        if (_realWallClock)
        {
            return;
        }

        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
        });
    }

    /// <summary>True when started with real Kestrel sockets (see the constructor).</summary>
    public bool UsesKestrel => _kestrel;

    /// <summary>The scenario database file this server uses.</summary>
    public string StorePath => _settings[StorePathKey]!;

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && _ownStoreFolder is not null && Directory.Exists(_ownStoreFolder))
        {
            try
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                Directory.Delete(_ownStoreFolder, recursive: true);
            }
            catch (IOException)
            {
                // A leftover temp folder is harmless.
            }
        }
    }
}

/// <summary>One in-memory server with default settings shared by the tests of the collection (they do not move its clock).</summary>
public sealed class SharedServer : IDisposable
{
    public const string Name = "server";

    public ServerFactory Factory { get; } = new();

    public void Dispose() => Factory.Dispose();
}

[CollectionDefinition(SharedServer.Name)]
public sealed class SharedServerDefinition : ICollectionFixture<SharedServer>;
