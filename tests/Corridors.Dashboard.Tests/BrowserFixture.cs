using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;

namespace Corridors.Dashboard.Tests;

/// <summary>
/// One server and one headless Chromium for every browser test (a collection fixture: the tests run one after the
/// other, which also keeps a loaded 2-core machine from timing out). Each test opens its own browser context, so
/// no cache, storage or cookie leaks between tests.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    /// <summary>Debian's Chromium; Playwright's own browser download is not reachable here.</summary>
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public DashboardServer Server { get; } = new();

    /// <summary>A client of the JSON API, for the figures the page must show.</summary>
    public HttpClient Api { get; private set; } = null!;

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("the browser is not started");

    public async Task InitializeAsync()
    {
        Measurements.Reset();
        Api = new HttpClient { BaseAddress = Server.HttpUri, Timeout = TimeSpan.FromSeconds(60) };
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox"],
        });
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
        Api.Dispose();
        await Server.DisposeAsync();
    }

    /// <summary>Opens <paramref name="pathAndQuery"/> in a fresh context of the given viewport and records what the page logs and requests.</summary>
    public async Task<DashboardPage> OpenAsync(string pathAndQuery, int width = 1366, int height = 768)
    {
        DashboardPage dashboard = await OpenBlankAsync(width, height);
        await dashboard.GotoAsync(pathAndQuery);
        return dashboard;
    }

    /// <summary>A fresh context and page that has not navigated yet (to attach instrumentation first).</summary>
    public async Task<DashboardPage> OpenBlankAsync(int width = 1366, int height = 768)
    {
        IBrowserContext context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "en-GB",
            TimezoneId = "UTC",
        });
        context.SetDefaultTimeout(DashboardPage.WaitMs);
        IPage page = await context.NewPageAsync();
        return new DashboardPage(this, context, page);
    }

    /// <summary>POSTs a comparison to the JSON API, as the page does.</summary>
    public async Task<JsonElement> CompareAsync(object request)
    {
        using HttpResponseMessage response = await Api.PostAsJsonAsync(new Uri("/v1/comparisons", UriKind.Relative), request);
        string body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    public async Task<JsonElement> GetJsonAsync(string pathAndQuery)
    {
        using HttpResponseMessage response = await Api.GetAsync(new Uri(pathAndQuery, UriKind.Relative));
        string body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }
}

[CollectionDefinition(Name)]
public sealed class DashboardTests : ICollectionFixture<BrowserFixture>
{
    public const string Name = "dashboard";
}

/// <summary>A dashboard page with what it logged and requested; dispose to close its context.</summary>
public sealed class DashboardPage : IAsyncDisposable
{
    /// <summary>Bound of every wait for an expected page state: generous for a loaded 2-core machine, never a fixed sleep.</summary>
    public const int WaitMs = 30_000;

    private readonly BrowserFixture _fixture;
    private readonly ConcurrentQueue<string> _problems = new();
    private readonly ConcurrentQueue<string> _requests = new();

    public DashboardPage(BrowserFixture fixture, IBrowserContext context, IPage page)
    {
        _fixture = fixture;
        Context = context;
        Page = page;
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning")
            {
                _problems.Enqueue($"console {message.Type}: {message.Text} ({message.Location})");
            }
        };
        page.PageError += (_, error) => _problems.Enqueue($"page error: {error}");
        page.Request += (_, request) => _requests.Enqueue(request.Url);
    }

    public IBrowserContext Context { get; }

    public IPage Page { get; }

    public IReadOnlyCollection<string> Problems => _problems.ToArray();

    public async Task GotoAsync(string pathAndQuery)
    {
        await Page.GotoAsync(_fixture.Server.Origin + pathAndQuery, new PageGotoOptions { WaitUntil = WaitUntilState.DOMContentLoaded });
    }

    public IReadOnlyCollection<string> RequestUrls => _requests.ToArray();

    /// <summary>Waits until the page says it is ready (catalog, basemap and the URL's comparison drawn).</summary>
    public async Task WaitReadyAsync()
    {
        await Page.WaitForFunctionAsync("() => window.corridorsDashboard !== undefined && window.corridorsDashboard.ready === true", null, new PageWaitForFunctionOptions { Timeout = WaitMs });
    }

    /// <summary>Waits until a comparison with the given scenario ('' for the baseline) has been rendered after <paramref name="afterSequence"/>.</summary>
    public async Task<JsonElement> WaitRenderAsync(int afterSequence, string scenarioId = "")
    {
        await Page.WaitForFunctionAsync(
            "([after, scenario]) => { const r = window.corridorsDashboard && window.corridorsDashboard.lastRender; return r !== null && r !== undefined && r.sequence > after && r.scenarioId === scenario; }",
            new object[] { afterSequence, scenarioId },
            new PageWaitForFunctionOptions { Timeout = WaitMs });
        return await HookAsync("lastRender");
    }

    /// <summary>A property of window.corridorsDashboard as JSON.</summary>
    public async Task<JsonElement> HookAsync(string property)
    {
        JsonElement? value = await Page.EvaluateAsync<JsonElement?>($"() => window.corridorsDashboard.{property}");
        return value ?? throw new InvalidOperationException($"window.corridorsDashboard.{property} is undefined");
    }

    public async Task<int> RenderSequenceAsync()
    {
        JsonElement? render = await Page.EvaluateAsync<JsonElement?>("() => window.corridorsDashboard && window.corridorsDashboard.lastRender");
        return render is { ValueKind: JsonValueKind.Object } r ? r.GetProperty("sequence").GetInt32() : 0;
    }

    /// <summary>No console error or warning, no uncaught error, and every request went to the test server on 127.0.0.1.</summary>
    public void AssertClean()
    {
        Assert.Empty(Problems);
        string expectedAuthority = _fixture.Server.HttpUri.Authority;
        foreach (string url in RequestUrls)
        {
            if (url.StartsWith("data:", StringComparison.Ordinal))
            {
                continue; // inline data (the empty favicon) is no request to anywhere
            }

            var uri = new Uri(url);
            Assert.True(uri.Host == "127.0.0.1" && uri.Authority == expectedAuthority, $"request left the test server: {url}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Context.CloseAsync();
    }
}
