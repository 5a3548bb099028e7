using Corridors.Contracts.V1;
using Corridors.Server.Logging;
using Grpc.Health.V1;
using Grpc.HealthCheck;
using Microsoft.Extensions.Logging;

namespace Corridors.Server.Networks;

/// <summary>
/// The grpc.health.v1 statuses of the server ("") and of each Corridors service: NOT_SERVING from construction
/// until the network is loaded, SERVING then, NOT_SERVING again when the host stops.
/// </summary>
public sealed class ServingStatus
{
    /// <summary>Service names reported by the health service; "" is the whole server.</summary>
    public static readonly IReadOnlyList<string> ServiceNames =
    [
        string.Empty,
        CatalogService.Descriptor.FullName,
        ComparisonService.Descriptor.FullName,
        CapacityService.Descriptor.FullName,
        MetricsService.Descriptor.FullName,
    ];

    private readonly ILogger<ServingStatus> _logger;

    public ServingStatus(ILogger<ServingStatus> logger)
    {
        _logger = logger;
        Set(HealthCheckResponse.Types.ServingStatus.NotServing);
    }

    /// <summary>The health service the server maps (Grpc.HealthCheck's implementation).</summary>
    public HealthServiceImpl Health { get; } = new();

    public void Set(HealthCheckResponse.Types.ServingStatus status)
    {
        foreach (string name in ServiceNames)
        {
            Health.SetStatus(name, status);
        }

        Log.HealthChanged(_logger, status);
    }
}
