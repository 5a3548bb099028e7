using System.Net;
using System.Net.Http.Headers;
using Corridors.Server.Tests.Support;

namespace Corridors.Server.Tests.Hosting;

/// <summary>The dashboard's files at <c>/</c> and the JSON API beside them, compressed; the metrics stream not.</summary>
public sealed class DashboardHostingTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("corridors-dashboard-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Root_ServesTheBuiltIndexPage_CompressedAndRevalidated()
    {
        string page = "<!doctype html><title>Corridors</title>" + new string(' ', 4_000) + "<main>dashboard</main>";
        await File.WriteAllTextAsync(Path.Combine(_folder, "index.html"), page);
        await File.WriteAllTextAsync(Path.Combine(_folder, "app.js"), "console.log('corridors');" + new string(';', 4_000));
        using var factory = new ServerFactory(new Dictionary<string, string?> { ["Corridors:DashboardDirectory"] = _folder });
        using HttpClient client = factory.CreateClient();

        using HttpResponseMessage root = await GetAsync(client, "/", "br");
        using HttpResponseMessage script = await GetAsync(client, "/app.js", "gzip");

        Assert.Equal(HttpStatusCode.OK, root.StatusCode);
        Assert.Equal("text/html", root.Content.Headers.ContentType?.MediaType);
        Assert.Equal(["br"], root.Content.Headers.ContentEncoding);
        Assert.Equal("no-cache", root.Headers.CacheControl?.ToString());
        Assert.True(root.Content.Headers.ContentLength is null or < 1_000, "the page went out compressed");
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.Equal(["gzip"], script.Content.Headers.ContentEncoding);
    }

    [Fact]
    public async Task Api_IsCompressed_ButTheMetricsStreamIsNot_SoItFlowsMessageByMessage()
    {
        await File.WriteAllTextAsync(Path.Combine(_folder, "index.html"), "<!doctype html><title>Corridors</title>");
        using var factory = new ServerFactory(new Dictionary<string, string?> { ["Corridors:DashboardDirectory"] = _folder });
        using HttpClient client = factory.CreateClient();

        using HttpResponseMessage corridors = await GetAsync(client, "/v1/corridors", "br, gzip");
        using var watch = new HttpRequestMessage(HttpMethod.Get, "/v1/metrics:watch");
        watch.Headers.AcceptEncoding.ParseAdd("br, gzip");
        using HttpResponseMessage stream = await client.SendAsync(watch, HttpCompletionOption.ResponseHeadersRead).Within();

        Assert.Equal(HttpStatusCode.OK, corridors.StatusCode);
        Assert.Equal(["br"], corridors.Content.Headers.ContentEncoding);
        Assert.Equal(HttpStatusCode.OK, stream.StatusCode);
        Assert.Empty(stream.Content.Headers.ContentEncoding);
    }

    [Fact]
    public async Task Root_WithoutABuiltDashboard_SaysHowToBuildIt()
    {
        string missing = Path.Combine(_folder, "not-built");
        using var factory = new ServerFactory(new Dictionary<string, string?> { ["Corridors:DashboardDirectory"] = missing });
        using HttpClient client = factory.CreateClient();

        using HttpResponseMessage root = await GetAsync(client, "/", "identity");
        string text = await root.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, root.StatusCode);
        Assert.Contains($"The dashboard is not built in {missing}", text, StringComparison.Ordinal);
        Assert.Contains("Node.js 20", text, StringComparison.Ordinal);
    }

    private static async Task<HttpResponseMessage> GetAsync(HttpClient client, string path, string acceptEncoding)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.AcceptEncoding.ParseAdd(acceptEncoding);
        return await client.SendAsync(request).Within();
    }
}
