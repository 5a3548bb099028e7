using System.Net;
using Microsoft.Extensions.Options;

namespace Corridors.Server.Options;

/// <summary>Checks that data annotations cannot express: the listen address parses, the ports differ, nested settings.</summary>
internal sealed class CorridorsServerOptionsValidator : IValidateOptions<CorridorsServerOptions>
{
    public ValidateOptionsResult Validate(string? name, CorridorsServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (!IPAddress.TryParse(options.ListenAddress, out _))
        {
            failures.Add($"Corridors:ListenAddress '{options.ListenAddress}' is not an IP address (e.g. 127.0.0.1 or ::1).");
        }

        if (options.GrpcPort != 0 && options.GrpcPort == options.HttpPort)
        {
            failures.Add($"Corridors:GrpcPort and Corridors:HttpPort are both {options.GrpcPort}; the h2c and HTTP/1.1 endpoints need two ports.");
        }

        if (options.BusinessDate.Length > 0 && !Application.Mapping.ProtoDates.TryParse(options.BusinessDate, out _))
        {
            failures.Add($"Corridors:BusinessDate '{options.BusinessDate}' is not a date in YYYY-MM-DD form (leave it empty for the UTC date of the clock).");
        }

        foreach ((string limit, RateLimitRule rule) in new[] { ("Mutations", options.RateLimits.Mutations), ("ExpensiveQueries", options.RateLimits.ExpensiveQueries) })
        {
            if (rule.PermitsPerMinute < 1 || rule.Burst < 1)
            {
                failures.Add($"Corridors:RateLimits:{limit} needs PermitsPerMinute and Burst of at least 1 (it has {rule.PermitsPerMinute} and {rule.Burst}).");
            }
        }

        for (int i = 0; i < options.MetricsBoard.Count; i++)
        {
            MetricsPairOptions pair = options.MetricsBoard[i];
            if (string.IsNullOrWhiteSpace(pair.Origin) || string.IsNullOrWhiteSpace(pair.Destination))
            {
                failures.Add($"Corridors:MetricsBoard:{i} needs both Origin and Destination.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
