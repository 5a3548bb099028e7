using Corridors.Server.Hosting;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Corridors.Cli.Tests;

/// <summary>
/// The real server for <c>--server</c> tests: Kestrel on free loopback ports (h2c), its own scenario database in a
/// temp folder, the review day as business date, plus whatever settings a test class adds (API keys…).
/// </summary>
public class LoopbackServer : WebApplicationFactory<ServerEndpoints>
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "corridors-cli-" + Guid.NewGuid().ToString("N"));
    private readonly IReadOnlyDictionary<string, string?> _settings;

    public LoopbackServer()
        : this(new Dictionary<string, string?>())
    {
    }

    protected LoopbackServer(IReadOnlyDictionary<string, string?> settings)
    {
        _settings = settings;
        UseKestrel();
        StartServer();
        GrpcUrl = Services.GetRequiredService<ServerEndpoints>().GrpcUri.ToString().TrimEnd('/');
    }

    public string GrpcUrl { get; }

    /// <summary>The keys file this server read at start-up (in its temp folder, unless a test class names one).</summary>
    public string KeysFile => _settings.TryGetValue("Corridors:ApiKeys:KeysFile", out string? file) && file is not null ? file : Path.Combine(_folder, "api-keys.json");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseEnvironment("Testing");
        var settings = new Dictionary<string, string?>
        {
            // The business date is pinned; wall time (deadlines, heartbeats) is the real clock's.
            ["Corridors:BusinessDate"] = TestDates.ReviewDay.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["Corridors:GrpcPort"] = "0",
            ["Corridors:HttpPort"] = "0",
            ["Corridors:ScenarioStore:DatabasePath"] = Path.Combine(_folder, "scenarios.db"),
            ["Corridors:ApiKeys:KeysFile"] = Path.Combine(_folder, "api-keys.json"), // not the developer's own keys
        };
        foreach ((string key, string? value) in _settings)
        {
            settings[key] = value; // a test class's own settings win
        }

        builder.ConfigureAppConfiguration(configuration => configuration.AddInMemoryCollection(settings));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}
