using System.Globalization;
using System.Threading.RateLimiting;
using Corridors.Server.Options;
using Grpc.Core;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Corridors.Server.Security;

/// <summary>
/// ASP.NET Core rate limiting for the calls that write or cost the most: a token bucket per API key principal, or per
/// client address for calls without a key (<see cref="RateLimitOptions"/>). Endpoints opt in with
/// <c>[EnableRateLimiting(RateLimits.Mutations)]</c> or <c>[EnableRateLimiting(RateLimits.ExpensiveQueries)]</c>. A
/// refused call gets RESOURCE_EXHAUSTED (gRPC) or 429 (JSON), with <c>Retry-After</c> in seconds, before it runs.
/// </summary>
public static class RateLimits
{
    public const string Mutations = "mutations";
    public const string ExpensiveQueries = "expensive-queries";

    public static IServiceCollection AddCorridorsRateLimits(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddRateLimiter(limiter =>
        {
            limiter.AddPolicy(Mutations, context => Bucket(context, options => options.Mutations));
            limiter.AddPolicy(ExpensiveQueries, context => Bucket(context, options => options.ExpensiveQueries));
            limiter.OnRejected = (rejected, _) =>
            {
                HttpContext context = rejected.HttpContext;
                int seconds = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out TimeSpan retryAfter)
                    ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds))
                    : 60;
                context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                string policy = context.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName ?? "this call";
                return new ValueTask(AccessDeniedResponder.Write(context, new AccessDecision.Denied(StatusCode.ResourceExhausted,
                    $"Rate limit for {policy} reached for {CallerOf(context)}; retry after {seconds} s (Corridors:RateLimits).")));
            };
        });
        return services;
    }

    private static RateLimitPartition<string> Bucket(HttpContext context, Func<RateLimitOptions, RateLimitRule> rule)
    {
        RateLimitRule limit = rule(context.RequestServices.GetRequiredService<IOptions<CorridorsServerOptions>>().Value.RateLimits);
        (TimeSpan period, int tokens) = Refill(limit.PermitsPerMinute);
        return RateLimitPartition.GetTokenBucketLimiter(CallerOf(context), _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = limit.Burst,
            TokensPerPeriod = tokens,
            ReplenishmentPeriod = period,
            QueueLimit = 0,
            AutoReplenishment = true,
        });
    }

    /// <summary>
    /// How the bucket refills to give <paramref name="permitsPerMinute"/> sustained: one token at a time, evenly (a
    /// bucket refilled once a minute would cap the rate at its burst), or for more than 600 a minute a tenth of a second's
    /// share every 100 ms.
    /// </summary>
    internal static (TimeSpan Period, int Tokens) Refill(int permitsPerMinute) => permitsPerMinute <= 600
        ? (TimeSpan.FromMinutes(1) / Math.Max(1, permitsPerMinute), 1)
        : (TimeSpan.FromMilliseconds(100), (int)Math.Round(permitsPerMinute / 600.0));

    /// <summary>The key's principal when the call is signed in, else the client's address.</summary>
    private static string CallerOf(HttpContext context) =>
        context.User.Identity is { IsAuthenticated: true, Name: { } principal }
            ? $"key '{principal}'"
            : $"address {context.Connection.RemoteIpAddress?.ToString() ?? "unknown"}";
}
