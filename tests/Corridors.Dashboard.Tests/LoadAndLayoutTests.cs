using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Playwright;

namespace Corridors.Dashboard.Tests;

/// <summary>The first load's bytes, the time figures (measured, printed, never asserted), the layouts at desktop
/// and phone width with their screenshots, labels and contrast.</summary>
[Collection(DashboardTests.Name)]
public sealed class LoadAndLayoutTests(BrowserFixture fixture, ITestOutputHelper output)
{
    /// <summary>The issue's budget for the first load, transferred (compressed) bytes.</summary>
    private const long FirstLoadBudgetBytes = 1_500_000;

    private const string DeepLink = "/?from=xian&to=duisburg&asOf=2024-06-01&scenario=red-sea-closed";

    [Theory]
    [InlineData("/")]
    [InlineData(DeepLink)]
    public async Task FirstLoad_TransfersAtMostOneAndAHalfMegabytes(string pathAndQuery)
    {
        await using DashboardPage dashboard = await fixture.OpenBlankAsync();
        ICDPSession cdp = await dashboard.Context.NewCDPSessionAsync(dashboard.Page);
        var finished = new ConcurrentDictionary<string, double>();
        var streamed = new ConcurrentDictionary<string, double>();
        var urls = new ConcurrentDictionary<string, string>();
        cdp.Event("Network.requestWillBeSent").OnEvent += (_, e) =>
        {
            if (e is { } json)
            {
                urls[json.GetProperty("requestId").GetString()!] = json.GetProperty("request").GetProperty("url").GetString()!;
            }
        };
        cdp.Event("Network.dataReceived").OnEvent += (_, e) =>
        {
            if (e is { } json)
            {
                streamed.AddOrUpdate(json.GetProperty("requestId").GetString()!, json.GetProperty("encodedDataLength").GetDouble(), (_, sum) => sum + json.GetProperty("encodedDataLength").GetDouble());
            }
        };
        cdp.Event("Network.loadingFinished").OnEvent += (_, e) =>
        {
            if (e is { } json)
            {
                finished[json.GetProperty("requestId").GetString()!] = json.GetProperty("encodedDataLength").GetDouble();
            }
        };
        await cdp.SendAsync("Network.enable");
        await cdp.SendAsync("Network.setCacheDisabled", new Dictionary<string, object> { ["cacheDisabled"] = true });

        await dashboard.GotoAsync(pathAndQuery);
        await dashboard.WaitReadyAsync();
        if (pathAndQuery != "/")
        {
            await dashboard.WaitRenderAsync(0, "red-sea-closed");
        }

        // Finished responses count whole (headers and compressed body); the open Watch stream counts what arrived.
        var bytes = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach ((string requestId, string url) in urls)
        {
            double size = finished.TryGetValue(requestId, out double total) ? total : streamed.GetValueOrDefault(requestId);
            string key = new Uri(url).PathAndQuery;
            bytes[key] = bytes.GetValueOrDefault(key) + size;
        }

        double sum = bytes.Values.Sum();
        foreach ((string url, double size) in bytes.OrderByDescending(b => b.Value))
        {
            output.WriteLine($"{size,10:0} B  {url}");
        }

        JsonElement timings = await dashboard.HookAsync("timings");
        double interactive = timings.GetProperty("interactiveMs").GetDouble();
        string name = pathAndQuery == "/" ? "first-load" : "deep-link";
        output.WriteLine($"{name}: {sum:0} bytes transferred; interactive after {interactive:0} ms");
        Measurements.Append($"{name}-transferred-bytes", sum);
        Measurements.Append($"{name}-time-to-interactive-ms", interactive);
        if (pathAndQuery != "/")
        {
            JsonElement render = await dashboard.HookAsync("lastRender");
            output.WriteLine($"comparison: response {render.GetProperty("responseMs").GetDouble():0.#} ms, rendered {render.GetProperty("renderMs").GetDouble():0.#} ms after it");
            Measurements.Append("comparison-response-ms", render.GetProperty("responseMs").GetDouble());
            Measurements.Append("comparison-render-after-response-ms", render.GetProperty("renderMs").GetDouble());
        }

        Assert.True(sum <= FirstLoadBudgetBytes, $"{name} transferred {sum:0} bytes, over the budget of {FirstLoadBudgetBytes}");
        Assert.True(sum > 100_000, $"{name} transferred only {sum:0} bytes: the measurement missed the page"); // the script alone is larger
        dashboard.AssertClean();
    }

    [Theory]
    [InlineData(1366, 768, "desktop")]
    [InlineData(375, 812, "phone")]
    public async Task Layout_FitsTheWidthLabelsEveryControlKeepsContrastAndIsScreenshotted(int width, int height, string name)
    {
        await using DashboardPage dashboard = await fixture.OpenAsync(DeepLink, width, height);
        await dashboard.WaitReadyAsync();
        await dashboard.WaitRenderAsync(0, "red-sea-closed");
        IPage page = dashboard.Page;

        int scrollWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(scrollWidth <= width, $"{name}: the page is {scrollWidth} px wide in a {width} px viewport");

        string[] unlabelled = await page.EvaluateAsync<string[]>(UnlabelledControlsScript);
        Assert.Empty(unlabelled);

        string[] lowContrast = await page.EvaluateAsync<string[]>(LowContrastScript);
        Assert.Empty(lowContrast);

        foreach (string folder in Artifacts.Folders())
        {
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, $"dashboard-{name}-{width}x{height}.png") });
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, $"dashboard-{name}-{width}-full.png"), FullPage = true });
            output.WriteLine($"screenshots in {folder}");
        }

        dashboard.AssertClean();
    }

    /// <summary>Every visible input, select, textarea and button needs an accessible name.</summary>
    private const string UnlabelledControlsScript = """
        () => [...document.querySelectorAll('input, select, textarea, button')]
          .filter((e) => e.offsetParent !== null || e.getClientRects().length > 0)
          .filter((e) => {
            const labelled = (e.labels && e.labels.length > 0) || e.getAttribute('aria-label') || e.getAttribute('aria-labelledby') || e.getAttribute('title');
            const text = e.tagName === 'BUTTON' && e.textContent.trim().length > 0;
            return !labelled && !text;
          })
          .map((e) => `${e.tagName.toLowerCase()}#${e.id || '?'}.${e.className}`)
        """;

    /// <summary>
    /// WCAG 2.x contrast of every visible text against the first opaque background behind it: at least 4.5:1, or
    /// 3:1 for large text (24 px, or 18.66 px bold). Text on the map and on images is skipped (no flat background).
    /// </summary>
    private const string LowContrastScript = """
        () => {
          const parse = (c) => { const m = c.match(/rgba?\(([^)]+)\)/); if (!m) return null; const p = m[1].split(/[ ,\/]+/).filter(Boolean).map(Number); return { r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1 }; };
          const lum = (c) => { const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); }; return 0.2126 * f(c.r) + 0.7152 * f(c.g) + 0.0722 * f(c.b); };
          const background = (e) => { for (let n = e; n; n = n.parentElement) { const c = parse(getComputedStyle(n).backgroundColor); if (c && c.a >= 0.99) return c; } return { r: 255, g: 255, b: 255, a: 1 }; };
          const failures = [];
          const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
          const seen = new Set();
          for (let t = walker.nextNode(); t; t = walker.nextNode()) {
            const e = t.parentElement;
            if (!e || seen.has(e) || t.textContent.trim() === '') continue;
            seen.add(e);
            if (e.closest('.leaflet-pane, .visually-hidden, option, [hidden]')) continue;
            const rects = e.getClientRects();
            if (rects.length === 0) continue;
            const style = getComputedStyle(e);
            if (style.visibility === 'hidden' || Number(style.opacity) === 0) continue;
            const fg = parse(style.color); if (!fg) continue;
            const bg = background(e);
            const mixed = { r: fg.r * fg.a + bg.r * (1 - fg.a), g: fg.g * fg.a + bg.g * (1 - fg.a), b: fg.b * fg.a + bg.b * (1 - fg.a) };
            const [l1, l2] = [lum(mixed), lum(bg)].sort((a, b) => b - a);
            const ratio = (l1 + 0.05) / (l2 + 0.05);
            const size = parseFloat(style.fontSize); const bold = Number(style.fontWeight) >= 700;
            const needed = size >= 24 || (bold && size >= 18.66) ? 3 : 4.5;
            if (ratio < needed) failures.push(`${ratio.toFixed(2)} < ${needed}: ${e.tagName.toLowerCase()}.${e.className} "${t.textContent.trim().slice(0, 40)}"`);
          }
          return failures;
        }
        """;
}
