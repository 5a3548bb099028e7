using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Corridors.Server.Hosting;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Corridors.Dashboard.Tests;

/// <summary>
/// The real server for the browser: Kestrel on free loopback ports, its own scenario database in a temp folder, the
/// measures' review day as business date (so nothing depends on the machine's calendar), and one writer key. It
/// serves the dashboard's built files (src/Corridors.Dashboard/dist, built by the server project's build) at
/// <c>/</c> and the JSON API under <c>/v1</c> on its HTTP/1.1 port.
/// </summary>
public sealed class DashboardServer : WebApplicationFactory<ServerEndpoints>
{
    /// <summary>The day sanctions data was last reviewed (networks/sanctions/measures.json): the pinned "today".</summary>
    public static readonly DateOnly BusinessDate = new(2026, 11, 29);

    /// <summary>The writer key the scenario tests send as x-api-key; the server holds only its SHA-256.</summary>
    public const string WriterKey = "dashboard-tests-writer";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "corridors-dashboard-" + Guid.NewGuid().ToString("N"));

    public DashboardServer()
    {
        UseKestrel();
        StartServer();
        HttpUri = Services.GetRequiredService<ServerEndpoints>().HttpUri;
    }

    /// <summary>http://127.0.0.1:PORT — the page and the JSON API.</summary>
    public Uri HttpUri { get; }

    /// <summary>The same origin as <see cref="HttpUri"/> as a string without a trailing slash.</summary>
    public string Origin => HttpUri.ToString().TrimEnd('/');

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseEnvironment("Testing");
        var settings = new Dictionary<string, string?>
        {
            ["Corridors:BusinessDate"] = BusinessDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["Corridors:GrpcPort"] = "0",
            ["Corridors:HttpPort"] = "0",
            ["Corridors:ScenarioStore:DatabasePath"] = Path.Combine(_folder, "scenarios.db"),
            ["Corridors:ApiKeys:Keys:0:Principal"] = "dashboard-tests",
            ["Corridors:ApiKeys:Keys:0:Sha256"] = Sha256Hex(WriterKey),
            ["Corridors:ApiKeys:Keys:0:Role"] = "writer",
        };
        builder.ConfigureAppConfiguration(configuration => configuration.AddInMemoryCollection(settings));
    }

    private static string Sha256Hex(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

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
