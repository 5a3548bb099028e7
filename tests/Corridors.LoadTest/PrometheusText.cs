using System.Globalization;

namespace Corridors.LoadTest;

/// <summary>
/// Reading the server's <c>/metrics</c> page (Prometheus text exposition, as the OpenTelemetry exporter writes it):
/// one sample a line, <c>name{label="value",…} value [timestamp]</c>, with <c># TYPE</c> and <c># HELP</c> lines.
/// </summary>
internal static class PrometheusText
{
    /// <summary>
    /// The OpenTelemetry exporter keeps a scrape's response for a short while
    /// (<c>ScrapeResponseCacheDurationMilliseconds</c>, well under a second by default), so a page read right after a
    /// burst of calls may predate its last calls; read it this long after the calls have stopped.
    /// </summary>
    public static readonly TimeSpan SettleTime = TimeSpan.FromSeconds(1);

    /// <summary>Fetches <c>/metrics</c> under <paramref name="httpAddress"/>; the page, or null with why it could not be read.</summary>
    public static async Task<(string? Page, string? Error)> FetchAsync(HttpClient http, Uri httpAddress)
    {
        ArgumentNullException.ThrowIfNull(http);
        Uri page = new(httpAddress, "metrics");
        try
        {
            using HttpResponseMessage response = await http.GetAsync(page).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                return (null, $"GET {page} answered {(int)response.StatusCode} {response.ReasonPhrase}");
            }

            string text = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
            return text.Contains("# TYPE ", StringComparison.Ordinal)
                ? (text, null)
                : (null, $"GET {page} answered, but not with Prometheus metrics");
        }
        catch (HttpRequestException exception)
        {
            return (null, $"GET {page} failed: {exception.Message}");
        }
        catch (TaskCanceledException)
        {
            return (null, $"GET {page} timed out after {http.Timeout.TotalSeconds:0} s");
        }
    }

    /// <summary>The sample's value: the number after the labels (a timestamp may follow it); null when there is none.</summary>
    public static double? SampleValue(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        int labelsEnd = line.LastIndexOf('}');
        string rest = (labelsEnd >= 0 ? line[(labelsEnd + 1)..] : line[(line.IndexOf(' ', StringComparison.Ordinal) + 1)..]).Trim();
        string number = rest.Split(' ')[0];
        return double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) ? value : null;
    }
}
