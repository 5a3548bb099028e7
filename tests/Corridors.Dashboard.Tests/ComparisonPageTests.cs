using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;

namespace Corridors.Dashboard.Tests;

/// <summary>The deep link, the table's figures against the API's, the map's layers, and a scenario switch.</summary>
[Collection(DashboardTests.Name)]
public sealed class ComparisonPageTests(BrowserFixture fixture, ITestOutputHelper output)
{
    /// <summary>The table shows km with no decimals: a displayed value is within half a km of the API's.</summary>
    private const double KmTolerance = 0.5;

    /// <summary>The table shows days with one decimal: within 0.05 days (plus float slack).</summary>
    private const double DaysTolerance = 0.05 + 1e-9;

    private const string XianDuisburg2024 = "/?from=xian&to=duisburg&asOf=2024-01-01";

    private static readonly string[] Corridors = ["northern", "middle", "maritime", "maritime-cape", "cku"];

    /// <summary>The page's default perspective: an EU-bound shipper with general cargo.</summary>
    private static readonly object EuGeneral = new { regimes = (string[])["EU"], cargoClass = "general" };

    [Fact]
    public async Task DeepLink_ShowsOneRowPerCorridorWithTheApisKmAndP50()
    {
        await using DashboardPage dashboard = await fixture.OpenAsync(XianDuisburg2024);
        await dashboard.WaitReadyAsync();
        await dashboard.WaitRenderAsync(0);

        JsonElement api = await fixture.CompareAsync(new
        {
            origin = "xian",
            destination = "duisburg",
            constraints = new { asOf = "2024-01-01", perspective = EuGeneral },
        });
        JsonElement[] expected = [.. api.GetProperty("comparisons").EnumerateArray()];
        Assert.Equal(Corridors, expected.Select(c => c.GetProperty("corridorId").GetString()));

        IReadOnlyList<Row> rows = await ReadRowsAsync(dashboard.Page);
        Assert.Equal(Corridors, rows.Select(r => r.CorridorId));
        foreach ((Row row, JsonElement comparison) in rows.Zip(expected))
        {
            Assert.Equal("ROUTE_OUTCOME_FOUND", comparison.GetProperty("outcome").GetString());
            Assert.Equal("Found", row.Outcome);
            double km = comparison.GetProperty("distanceKm").GetDouble();
            double p50 = comparison.GetProperty("transitDays").GetProperty("p50").GetDouble();
            Assert.True(Math.Abs(row.Km!.Value - km) <= KmTolerance, $"{row.CorridorId}: page shows {row.Km} km, API says {km}");
            Assert.True(Math.Abs(row.P50!.Value - p50) <= DaysTolerance, $"{row.CorridorId}: page shows P50 {row.P50} d, API says {p50}");
            output.WriteLine($"{row.CorridorId}: {row.Km} km (API {km}), P50 {row.P50} d (API {p50})");
        }

        // The data's review date and freshness, as the API gives them for the pinned business date.
        JsonElement freshness = api.GetProperty("dataFreshness");
        Assert.Equal(freshness.GetProperty("reviewedOn").GetString(), await dashboard.Page.GetAttributeAsync("#freshness", "data-reviewed-on"));
        Assert.Equal(freshness.GetProperty("stale").GetBoolean() ? "true" : "false", await dashboard.Page.GetAttributeAsync("#freshness", "data-stale"));
        Assert.Contains($"reviewed {freshness.GetProperty("reviewedOn").GetString()}", await dashboard.Page.InnerTextAsync("#freshness"), StringComparison.Ordinal);

        // Xi'an–Duisburg on 2024-01-01: the Northern route enters the EU at Brest–Małaszewicze.
        Assert.Contains("Małaszewicze", rows[0].Via, StringComparison.Ordinal);
        Assert.Contains("Xi'an → Duisburg, as of 2024-01-01", await dashboard.Page.InnerTextAsync("#results-summary"), StringComparison.Ordinal);
        dashboard.AssertClean();
    }

    [Fact]
    public async Task Map_HoldsTheFiveRoutesOverTheCatalogsCorridorsAndTheBasemap()
    {
        await using DashboardPage dashboard = await fixture.OpenAsync(XianDuisburg2024);
        await dashboard.WaitReadyAsync();
        await dashboard.WaitRenderAsync(0);

        Layer[] layers = [.. (await dashboard.HookAsync("layers")).EnumerateArray().Select(Layer.From)];

        Layer[] routes = [.. layers.Where(l => l.Kind == "route")];
        Assert.Equal(Corridors.Order(StringComparer.Ordinal), routes.Select(r => r.CorridorId).Order(StringComparer.Ordinal));
        Assert.All(routes, r =>
        {
            Assert.True(r.Highlighted, $"route {r.CorridorId} is not highlighted");
            Assert.Equal("/v1/comparisons", r.Source);
            Assert.Equal(1, r.FeatureCount);
            Assert.Equal("xian", r.PlaceIds[0]);
            Assert.Equal("duisburg", r.PlaceIds[^1]);
        });
        Assert.Contains("suez", layers.Single(l => l.Id == "route:maritime").PlaceIds);
        Assert.Contains("cape-of-good-hope", layers.Single(l => l.Id == "route:maritime-cape").PlaceIds);

        // Each corridor's network from the catalog, with as many features as GetCorridor's GeoJSON has.
        foreach (string id in Corridors)
        {
            JsonElement corridor = await fixture.GetJsonAsync($"/v1/corridors/{id}");
            int features = JsonDocument.Parse(corridor.GetProperty("geometryGeojson").GetString()!).RootElement.GetProperty("features").GetArrayLength();
            Layer layer = layers.Single(l => l.Id == $"corridor:{id}");
            Assert.Equal($"/v1/corridors/{id}", layer.Source);
            Assert.Equal(features, layer.FeatureCount);
            string[] forecastDates = [.. corridor.GetProperty("links").EnumerateArray()
                .Where(l => l.GetProperty("status").GetString() is "LINK_STATUS_UNDER_CONSTRUCTION" or "LINK_STATUS_PLANNED")
                .Select(l => l.TryGetProperty("opensOn", out JsonElement d) ? d.GetString()! : "no forecast date")
                .Distinct()];
            Assert.Equal(forecastDates.Length > 0, layer.Dashed);
            Assert.Equal(forecastDates.Order(StringComparer.Ordinal), layer.Labels.Order(StringComparer.Ordinal));
        }

        // CKU is under construction on Kashgar–Torugart–Makmal–Jalal-Abad: those links dashed, their forecast labelled.
        JsonElement ckuLinks = (await fixture.GetJsonAsync("/v1/corridors/cku")).GetProperty("links");
        int building = ckuLinks.EnumerateArray().Count(l => l.GetProperty("status").GetString() == "LINK_STATUS_UNDER_CONSTRUCTION");
        Assert.True(building > 0, "the catalog has no CKU link under construction");
        Assert.Equal(building, layers.Single(l => l.Id == "corridor:cku").DashedFeatureCount);
        Assert.Contains("2030-12-31", layers.Single(l => l.Id == "forecast-labels").Labels);

        // Chokepoints and border crossings are the catalog's places of those kinds.
        JsonElement places = await fixture.GetJsonAsync("/v1/places");
        int Count(string kind) => places.GetProperty("places").EnumerateArray().Count(p => p.GetProperty("kind").GetString() == kind);
        Assert.Equal(Count("PLACE_KIND_CHOKEPOINT"), layers.Single(l => l.Kind == "chokepoints").FeatureCount);
        Assert.Equal(Count("PLACE_KIND_BORDER_CROSSING"), layers.Single(l => l.Kind == "border-crossings").FeatureCount);

        // The basemap is the shipped Natural Earth file, from this server.
        Layer basemap = layers.Single(l => l.Kind == "basemap");
        Assert.StartsWith("/assets/countries-50m-", basemap.Source, StringComparison.Ordinal);
        Assert.InRange(basemap.FeatureCount, 120, 250);
        Assert.Contains(dashboard.RequestUrls, u => u.EndsWith(basemap.Source, StringComparison.Ordinal));
        dashboard.AssertClean();
    }

    [Fact]
    public async Task Legs_ClickedOnTheMapOrChosenInTheLegsTableShowTheirDetails()
    {
        await using DashboardPage dashboard = await fixture.OpenAsync(XianDuisburg2024);
        await dashboard.WaitReadyAsync();
        await dashboard.WaitRenderAsync(0);
        IPage page = dashboard.Page;

        // A click halfway along the Cape route's line (in the South Atlantic, clear of every marker).
        await page.Locator("#map").ScrollIntoViewIfNeededAsync();
        JsonElement point = await page.EvaluateAsync<JsonElement>("""
            () => {
              const path = document.querySelector('path.route-maritime-cape');
              const p = path.getPointAtLength(path.getTotalLength() / 2);
              const m = path.getScreenCTM();
              return { x: p.x * m.a + p.y * m.c + m.e, y: p.x * m.b + p.y * m.d + m.f };
            }
            """);
        await page.Mouse.ClickAsync(point.GetProperty("x").GetSingle(), point.GetProperty("y").GetSingle());
        await page.WaitForSelectorAsync("#leg-details[data-link-id]");
        string details = await page.InnerTextAsync("#leg-details");
        Assert.StartsWith("Leg", details, StringComparison.Ordinal);
        Assert.Contains("Maritime via the Cape of Good Hope", details, StringComparison.Ordinal);
        JsonElement api = await fixture.CompareAsync(new
        {
            origin = "xian",
            destination = "duisburg",
            constraints = new { asOf = "2024-01-01", perspective = EuGeneral },
        });
        string[] capeLinks = [.. api.GetProperty("comparisons").EnumerateArray()
            .Single(c => c.GetProperty("corridorId").GetString() == "maritime-cape")
            .GetProperty("legs").EnumerateArray().Select(l => l.GetProperty("linkId").GetString()!)];
        Assert.Contains(await page.GetAttributeAsync("#leg-details", "data-link-id"), capeLinks);

        // The first Northern leg from the legs table, by keyboard: open the list, then "Show on map".
        await page.FocusAsync("article.corridor-card[data-corridor-id='northern'] details.legs summary");
        await page.Keyboard.PressAsync("Enter");
        await page.FocusAsync("article.corridor-card[data-corridor-id='northern'] details.legs tbody tr:first-child button");
        await page.Keyboard.PressAsync("Enter");
        string firstLink = api.GetProperty("comparisons")[0].GetProperty("legs")[0].GetProperty("linkId").GetString()!;
        await page.WaitForSelectorAsync($"#leg-details[data-link-id='{firstLink}']");
        Assert.Contains("1: Xi'an → ", await page.InnerTextAsync("#leg-details"), StringComparison.Ordinal);
        dashboard.AssertClean();
    }

    [Fact]
    public async Task ScenarioRedSeaClosed_SendsTheMaritimeRowRoundTheCape()
    {
        await using DashboardPage dashboard = await fixture.OpenAsync("/?from=xian&to=duisburg&asOf=2024-06-01");
        await dashboard.WaitReadyAsync();
        await dashboard.WaitRenderAsync(0);
        Row before = (await ReadRowsAsync(dashboard.Page)).Single(r => r.CorridorId == "maritime");
        Assert.Contains("Suez", before.Via, StringComparison.Ordinal);

        int sequence = await dashboard.RenderSequenceAsync();
        await dashboard.Page.SelectOptionAsync("#scenario", "red-sea-closed");
        await dashboard.WaitRenderAsync(sequence, "red-sea-closed");

        Assert.Contains("scenario=red-sea-closed", dashboard.Page.Url, StringComparison.Ordinal);
        IReadOnlyList<Row> rows = await ReadRowsAsync(dashboard.Page);
        Row maritime = rows.Single(r => r.CorridorId == "maritime");
        Assert.DoesNotContain("Suez", maritime.Via, StringComparison.Ordinal);
        Assert.DoesNotContain("Bab-el-Mandeb", maritime.Via, StringComparison.Ordinal);
        string legs = await dashboard.Page.TextContentAsync("article.corridor-card[data-corridor-id='maritime'] details.legs tbody") ?? string.Empty; // the caption names the corridor, "via Suez"
        Assert.Contains("Cape of Good Hope", legs, StringComparison.Ordinal);
        Assert.DoesNotContain("Suez", legs, StringComparison.Ordinal);
        Layer route = (await dashboard.HookAsync("layers")).EnumerateArray().Select(Layer.From).Single(l => l.Id == "route:maritime");
        Assert.Contains("cape-of-good-hope", route.PlaceIds);
        Assert.DoesNotContain("suez", route.PlaceIds);

        // Beside the baseline: the deltas are the API's.
        JsonElement api = await fixture.CompareAsync(new
        {
            origin = "xian",
            destination = "duisburg",
            constraints = new { asOf = "2024-06-01", perspective = EuGeneral },
            scenarioId = "red-sea-closed",
            includeBaseline = true,
        });
        JsonElement delta = api.GetProperty("deltas").EnumerateArray().Single(d => d.GetProperty("corridorId").GetString() == "maritime");
        double deltaP50 = delta.GetProperty("deltaP50Days").GetDouble();
        double deltaKm = delta.GetProperty("deltaDistanceKm").GetDouble();
        Assert.InRange(deltaP50, 7, 14); // the scenario's own claim: the Cape adds 7–14 days
        Assert.True(Math.Abs(maritime.DeltaP50!.Value - deltaP50) <= DaysTolerance, $"page ΔP50 {maritime.DeltaP50}, API {deltaP50}");
        Assert.True(Math.Abs(maritime.DeltaKm!.Value - deltaKm) <= KmTolerance, $"page Δkm {maritime.DeltaKm}, API {deltaKm}");
        output.WriteLine($"maritime under red-sea-closed: Δ P50 {maritime.DeltaP50} d (API {deltaP50}), Δ km {maritime.DeltaKm} (API {deltaKm})");
        dashboard.AssertClean();
    }

    [Fact]
    public async Task Outcomes_NotYetOpenAndProhibitedAreExplainedInWords()
    {
        // 2014-01-01: the Middle Corridor's Baku–Tbilisi–Kars line is not open yet.
        await using (DashboardPage early = await fixture.OpenAsync("/?from=xian&to=duisburg&asOf=2014-01-01"))
        {
            await early.WaitReadyAsync();
            await early.WaitRenderAsync(0);
            JsonElement api = await fixture.CompareAsync(new
            {
                origin = "xian",
                destination = "duisburg",
                constraints = new { asOf = "2014-01-01", perspective = EuGeneral },
            });
            JsonElement middle = api.GetProperty("comparisons").EnumerateArray().Single(c => c.GetProperty("corridorId").GetString() == "middle");
            Assert.Equal("ROUTE_OUTCOME_NOT_YET_OPEN", middle.GetProperty("outcome").GetString());
            string opensOn = middle.GetProperty("opensOn").GetString()!;
            Row row = (await ReadRowsAsync(early.Page)).Single(r => r.CorridorId == "middle");
            Assert.Equal($"Not yet open (opens {opensOn})", row.Outcome);
            Assert.Null(row.Km); // route figures are shown only for FOUND and PROHIBITED
            string words = await early.Page.InnerTextAsync("article.corridor-card[data-corridor-id='middle'] [data-field='explanation']");
            Assert.StartsWith("Not yet open", words, StringComparison.Ordinal);
            Assert.Contains($"forecast to open on {opensOn}", words, StringComparison.Ordinal);
            early.AssertClean();
        }

        // Dual-use cargo from Duisburg to Xi'an in mid-2023: the EU's transit ban via Russia prohibits the Northern route.
        await using DashboardPage dashboard = await fixture.OpenAsync("/?from=duisburg&to=xian&asOf=2023-06-01&cargo=dual-use");
        await dashboard.WaitReadyAsync();
        await dashboard.WaitRenderAsync(0);
        Assert.Equal("dual-use", await dashboard.Page.InputValueAsync("#cargo"));
        JsonElement prohibited = (await fixture.CompareAsync(new
        {
            origin = "duisburg",
            destination = "xian",
            constraints = new { asOf = "2023-06-01", perspective = new { regimes = (string[])["EU"], cargoClass = "dual-use" } },
        })).GetProperty("comparisons").EnumerateArray().Single(c => c.GetProperty("corridorId").GetString() == "northern");
        Assert.Equal("ROUTE_OUTCOME_PROHIBITED", prohibited.GetProperty("outcome").GetString());
        Row northern = (await ReadRowsAsync(dashboard.Page)).Single(r => r.CorridorId == "northern");
        Assert.Equal("Prohibited", northern.Outcome);
        Assert.True(Math.Abs(northern.Km!.Value - prohibited.GetProperty("distanceKm").GetDouble()) <= KmTolerance); // the route is shown
        string explanation = await dashboard.Page.InnerTextAsync("article.corridor-card[data-corridor-id='northern'] [data-field='explanation']");
        Assert.StartsWith("Prohibited", explanation, StringComparison.Ordinal);
        foreach (JsonElement id in prohibited.GetProperty("sanctionRisk").GetProperty("prohibitingMeasureIds").EnumerateArray())
        {
            Assert.Contains(id.GetString()!, explanation, StringComparison.Ordinal);
            // Each prohibiting measure is explained with its act, articles and date in force.
            ILocator exposure = dashboard.Page.Locator($"article.corridor-card[data-corridor-id='northern'] li.exposure[data-measure-id='{id.GetString()}']");
            string text = await exposure.TextContentAsync() ?? string.Empty;
            JsonElement measure = prohibited.GetProperty("sanctionRisk").GetProperty("exposures").EnumerateArray().Single(x => x.GetProperty("measureId").GetString() == id.GetString());
            Assert.Contains(measure.GetProperty("act").GetString()!, text, StringComparison.Ordinal);
            Assert.Contains(measure.GetProperty("inForceFrom").GetString()!, text, StringComparison.Ordinal);
            Assert.True(await exposure.Locator("ul.sources a[href]").CountAsync() > 0, $"{id} has no source link");
        }

        dashboard.AssertClean();
    }

    internal sealed record Row(string CorridorId, string Outcome, double? Km, double? P50, string Via, double? DeltaP50, double? DeltaKm);

    internal static async Task<IReadOnlyList<Row>> ReadRowsAsync(IPage page)
    {
        var rows = new List<Row>();
        foreach (ILocator row in await page.Locator("#results-body tr").AllAsync())
        {
            async Task<string> Cell(string field)
            {
                ILocator cell = row.Locator($"[data-field='{field}']");
                return await cell.CountAsync() == 0 ? string.Empty : (await cell.First.InnerTextAsync()).Trim();
            }

            rows.Add(new Row(
                (await row.GetAttributeAsync("data-corridor-id"))!,
                await Cell("outcome"),
                Number(await Cell("distanceKm")),
                Number(await Cell("p50")),
                await Cell("via"),
                Number(await Cell("deltaP50")),
                Number(await Cell("deltaKm"))));
        }

        return rows;
    }

    /// <summary>"9,947" → 9947; "+12.1" → 12.1; "−3" → -3; "±0" → 0; "—" or empty → null.</summary>
    internal static double? Number(string text)
    {
        string cleaned = text.Replace(",", string.Empty, StringComparison.Ordinal).Replace("−", "-", StringComparison.Ordinal).Replace("±", string.Empty, StringComparison.Ordinal).Trim();
        return double.TryParse(cleaned, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) ? value : null;
    }

    internal sealed record Layer(string Id, string Kind, string Source, string? CorridorId, bool Highlighted, bool Dashed, int FeatureCount, int DashedFeatureCount, string[] Labels, string[] PlaceIds)
    {
        public static Layer From(JsonElement e) => new(
            e.GetProperty("id").GetString()!,
            e.GetProperty("kind").GetString()!,
            e.GetProperty("source").GetString()!,
            e.TryGetProperty("corridorId", out JsonElement c) ? c.GetString() : null,
            e.GetProperty("highlighted").GetBoolean(),
            e.GetProperty("dashed").GetBoolean(),
            e.GetProperty("featureCount").GetInt32(),
            e.GetProperty("dashedFeatureCount").GetInt32(),
            [.. e.GetProperty("labels").EnumerateArray().Select(x => x.GetString()!)],
            e.TryGetProperty("placeIds", out JsonElement p) ? [.. p.EnumerateArray().Select(x => x.GetString()!)] : []);
    }
}
