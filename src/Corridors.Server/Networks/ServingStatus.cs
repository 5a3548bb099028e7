using Corridors.Contracts.V1;
using Corridors.Server.Logging;
using Grpc.Health.V1;
using Grpc.HealthCheck;
using Microsoft.Extensions.Logging;

namespace Corridors.Server.Networks;

/// <summary>
/// The grpc.health.v1 statuses of the server ("") and of each Corridors service: NOT_SERVING from construction
/// until the network is loaded, SERVING then, NOT_SERVING again when the host stops. The scenario store has its own
/// name, <see cref="ScenarioStoreServiceName"/>: SERVING while scenarios can be changed and this replica is in step
/// with the store, NOT_SERVING while the store is unavailable (queries, baseline and scenarios, keep being answered,
/// so "" stays SERVING: a database outage must not take every replica out of a load balancer).
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

    /// <summary>The health service name that reports the scenario store: corridors.v1.ScenarioService.</summary>
    public static readonly string ScenarioStoreServiceName = ScenarioService.Descriptor.FullName;

    private readonly ILogger<ServingStatus> _logger;

    public ServingStatus(ILogger<ServingStatus> logger)
    {
        _logger = logger;
        Set(HealthCheckResponse.Types.ServingStatus.NotServing);
        Health.SetStatus(ScenarioStoreServiceName, HealthCheckResponse.Types.ServingStatus.NotServing);
    }

    /// <summary>The health service the server maps (Grpc.HealthCheck's implementation).</summary>
    public HealthServiceImpl Health { get; } = new();

    public void Set(HealthCheckResponse.Types.ServingStatus status)
    {
        foreach (string name in ServiceNames)
        {
            Health.SetStatus(name, status);
        }

        if (status != HealthCheckResponse.Types.ServingStatus.Serving)
        {
            Health.SetStatus(ScenarioStoreServiceName, status); // a stopping server takes no changes either
        }

        Log.HealthChanged(_logger, status);
    }

    /// <summary>Reports whether the scenario store takes changes and this replica is in step with it.</summary>
    public void SetScenarioStore(bool ready, string why)
    {
        HealthCheckResponse.Types.ServingStatus status = ready
            ? HealthCheckResponse.Types.ServingStatus.Serving
            : HealthCheckResponse.Types.ServingStatus.NotServing;
        Health.SetStatus(ScenarioStoreServiceName, status);
        Log.StoreHealthChanged(_logger, status, why);
    }
}
