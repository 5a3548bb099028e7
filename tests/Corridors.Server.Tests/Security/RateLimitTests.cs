using System.Net;
using Corridors.Contracts.V1;
using Corridors.Server.Options;
using Corridors.Server.Tests.Scenarios;
using Corridors.Server.Tests.Support;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Corridors.Server.Tests.Security;

/// <summary>
/// Token buckets of 2 (refilled at 1 a minute): of four calls in a row at least one is refused whatever the
/// refill timer does, so the tests never depend on timing.
/// </summary>
public sealed class RateLimitTests : IDisposable
{
    private readonly ServerFactory _factory;

    public RateLimitTests()
    {
        Dictionary<string, string?> settings = ScenarioServer.Settings();
        settings["Corridors:RateLimits:Mutations:PermitsPerMinute"] = "1";
        settings["Corridors:RateLimits:Mutations:Burst"] = "2";
        settings["Corridors:RateLimits:ExpensiveQueries:PermitsPerMinute"] = "1";
        settings["Corridors:RateLimits:ExpensiveQueries:Burst"] = "2";
        _factory = new ServerFactory(settings);
    }

    public void Dispose() => _factory.Dispose();

    [Fact]
    public void Defaults_ArePinned()
    {
        var options = new RateLimitOptions();

        Assert.Equal((60, 20), (options.Mutations.PermitsPerMinute, options.Mutations.Burst));
        Assert.Equal((600, 100), (options.ExpensiveQueries.PermitsPerMinute, options.ExpensiveQueries.Burst));
    }

    /// <summary>The sustained rate is PermitsPerMinute, not the burst: the bucket refills evenly through the minute.</summary>
    [Theory]
    [InlineData(1, 60_000, 1)]
    [InlineData(60, 1_000, 1)]
    [InlineData(600, 100, 1)]
    [InlineData(6_000, 100, 10)]
    [InlineData(100_000, 100, 167)]
    public void TheBucketRefillsToThePermittedRatePerMinute(int permitsPerMinute, int periodMs, int tokens)
    {
        (TimeSpan period, int perPeriod) = Corridors.Server.Security.RateLimits.Refill(permitsPerMinute);

        Assert.Equal((TimeSpan.FromMilliseconds(periodMs), tokens), (period, perPeriod));
        Assert.Equal(permitsPerMinute, perPeriod * TimeSpan.FromMinutes(1) / period, 0.01 * permitsPerMinute);
    }

    [Fact]
    public async Task Mutations_OverTheLimit_AreResourceExhaustedWithRetryAfter_AndChangeNothing()
    {
        var client = new ScenarioService.ScenarioServiceClient(_factory.CreateChannel());
        var refused = new List<RpcException>();
        var created = new List<string>();
        for (int i = 0; i < 4; i++)
        {
            string id = $"limited-{i}";
            try
            {
                await client.CreateScenarioAsync(new CreateScenarioRequest { Id = id, Definition = Definitions.CloseBrest(id) }, ScenarioServer.Writer, Bounded.Deadline()).Within();
                created.Add(id);
            }
            catch (RpcException exception)
            {
                refused.Add(exception);
            }
        }

        Assert.NotEmpty(refused);
        Assert.InRange(created.Count, 2, 3);
        Assert.All(refused, r =>
        {
            Assert.Equal(StatusCode.ResourceExhausted, r.StatusCode);
            Assert.StartsWith("Rate limit for mutations reached for key 'planning-team'; retry after ", r.Status.Detail, StringComparison.Ordinal);
            Assert.InRange(int.Parse(r.Trailers.GetValue("retry-after") ?? "0", System.Globalization.CultureInfo.InvariantCulture), 1, 60);
        });
        ListScenariosResponse list = await client.ListScenariosAsync(new ListScenariosRequest(), deadline: Bounded.Deadline()).Within();
        Assert.Equal(created, list.Scenarios.Where(s => s.Id.StartsWith("limited-", StringComparison.Ordinal)).Select(s => s.Id));
    }

    [Fact]
    public async Task ExpensiveQueries_OverTheLimit_Are429WithRetryAfter_PerCaller()
    {
        using HttpClient client = _factory.CreateClient();
        const string matrix = """{"origins":["xian"],"destinations":["duisburg"],"constraints":{"asOf":"2024-06-01"}}""";
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? refused = null;
        for (int i = 0; i < 4; i++)
        {
            HttpResponseMessage response = await client.PostAsync("/v1/matrix", new StringContent(matrix, System.Text.Encoding.UTF8, "application/json")).Within();
            statuses.Add(response.StatusCode);
            refused ??= response.StatusCode == HttpStatusCode.TooManyRequests ? response : null;
        }

        Assert.NotNull(refused);
        Assert.Equal(HttpStatusCode.OK, statuses[0]);
        Assert.InRange(refused.Headers.RetryAfter?.Delta?.TotalSeconds ?? 0, 1, 60);
        Assert.StartsWith("{\"code\":8,\"message\":\"Rate limit for expensive-queries reached for address ", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Another caller (a reader key) has its own bucket; cheap queries are not limited at all.
        using var keyed = new HttpRequestMessage(HttpMethod.Post, "/v1/matrix") { Content = new StringContent(matrix, System.Text.Encoding.UTF8, "application/json") };
        keyed.Headers.Add("x-api-key", ScenarioServer.ReaderKey);
        using HttpResponseMessage reader = await client.SendAsync(keyed).Within();
        using HttpResponseMessage corridors = await client.GetAsync("/v1/corridors").Within();
        Assert.Equal(HttpStatusCode.OK, reader.StatusCode);
        Assert.Equal(HttpStatusCode.OK, corridors.StatusCode);
    }

    [Fact]
    public void AZeroLimit_IsRefusedAtStartUp_NamingTheSetting()
    {
        using var factory = new ServerFactory(new Dictionary<string, string?> { ["Corridors:RateLimits:Mutations:Burst"] = "0" });

        OptionsValidationException error = Assert.Throws<OptionsValidationException>(() => factory.Services.GetRequiredService<IOptions<CorridorsServerOptions>>().Value);

        Assert.Equal("Corridors:RateLimits:Mutations needs PermitsPerMinute and Burst of at least 1 (it has 60 and 0).", Assert.Single(error.Failures));
    }
}
