using Corridors.Contracts.V1;
using Corridors.Server.Networks;
using Corridors.Server.Scenarios;
using Corridors.Server.Tests.Scenarios;
using Corridors.Server.Tests.Support;
using Grpc.Health.V1;
using Grpc.Net.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Corridors.Server.Tests.Replicas;

/// <summary>
/// Two in-memory servers (replicas A and B) on one PostgreSQL database of their own in the collection's cluster, with
/// the writer and reader keys of <see cref="ScenarioServer"/>: what two pods behind a load balancer are.
/// </summary>
public sealed class ReplicaPair : IDisposable
{
    public ReplicaPair(PostgresCluster cluster)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        ConnectionString = cluster.CreateDatabase();
        A = new Replica(Settings(ConnectionString));
        B = new Replica(Settings(ConnectionString));
    }

    public string ConnectionString { get; }

    public Replica A { get; }

    public Replica B { get; }

    /// <summary>The scenario settings with the PostgreSQL store on <paramref name="connectionString"/>.</summary>
    public static Dictionary<string, string?> Settings(string connectionString)
    {
        Dictionary<string, string?> settings = ScenarioServer.Settings();
        settings["Corridors:ScenarioStore:Provider"] = "Postgres";
        settings["Corridors:ScenarioStore:ConnectionString"] = connectionString;
        settings["Corridors:ScenarioStore:KeepaliveSeconds"] = "1";
        settings["Corridors:ScenarioStore:ReconnectMaxSeconds"] = "1";
        return settings;
    }

    public void Dispose()
    {
        A.Dispose();
        B.Dispose();
    }
}

/// <summary>One replica: its server, clients over its in-memory channel, and its registry for watching changes directly.</summary>
public sealed class Replica : IDisposable
{
    public Replica(Dictionary<string, string?> settings)
    {
        Factory = new ServerFactory(settings);
        Channel = Factory.CreateChannel();
        Scenarios = new ScenarioService.ScenarioServiceClient(Channel);
        Comparisons = new ComparisonService.ComparisonServiceClient(Channel);
        Metrics = new MetricsService.MetricsServiceClient(Channel);
        Health = new Health.HealthClient(Channel);
    }

    public ServerFactory Factory { get; }

    public GrpcChannel Channel { get; }

    public ScenarioService.ScenarioServiceClient Scenarios { get; }

    public ComparisonService.ComparisonServiceClient Comparisons { get; }

    public MetricsService.MetricsServiceClient Metrics { get; }

    public Health.HealthClient Health { get; }

    public ScenarioRegistry Registry => Factory.Services.GetRequiredService<ScenarioRegistry>();

    /// <summary>
    /// Waits (bounded) until the registry serves <paramref name="id"/> at <paramref name="version"/> (0: not at all).
    /// Subscribes before looking, so a change between the two is seen, not lost.
    /// </summary>
    public async Task<RegisteredScenario?> ServesAsync(string id, long version)
    {
        using ScenarioWatch watch = Registry.Watch(id);
        using var timeout = new CancellationTokenSource(Bounded.Timeout);
        while (!Matches(Registry.Find(id), version))
        {
            Assert.True(await watch.Signals.WaitToReadAsync(timeout.Token), "the registry stopped");
            watch.Signals.TryRead(out _);
        }

        return Registry.Find(id);
    }

    /// <summary>The health of the scenario store as this replica reports it.</summary>
    public async Task<HealthCheckResponse.Types.ServingStatus> StoreHealthAsync() =>
        (await Health.CheckAsync(new HealthCheckRequest { Service = ServingStatus.ScenarioStoreServiceName }, deadline: Bounded.Deadline()).Within()).Status;

    /// <summary>
    /// Waits (bounded) until the store health is <paramref name="expected"/>, through grpc.health.v1's own Watch stream
    /// (it sends the current status, then each change).
    /// </summary>
    public async Task StoreHealthBecomesAsync(HealthCheckResponse.Types.ServingStatus expected)
    {
        using var timeout = new CancellationTokenSource(Bounded.Timeout);
        using Grpc.Core.AsyncServerStreamingCall<HealthCheckResponse> watch = Health.Watch(
            new HealthCheckRequest { Service = ServingStatus.ScenarioStoreServiceName }, cancellationToken: timeout.Token);
        while (await watch.ResponseStream.MoveNext(timeout.Token))
        {
            if (watch.ResponseStream.Current.Status == expected)
            {
                return;
            }
        }

        Assert.Fail($"the store health never became {expected}");
    }

    public void Dispose()
    {
        Channel.Dispose();
        Factory.Dispose();
    }

    private static bool Matches(RegisteredScenario? scenario, long version) =>
        version == 0 ? scenario is null : scenario?.Version == version;
}
