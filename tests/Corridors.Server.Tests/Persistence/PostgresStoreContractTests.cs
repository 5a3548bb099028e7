using Corridors.Server.Persistence;
using Corridors.Server.Persistence.Postgres;
using Corridors.Server.Tests.Support;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Corridors.Server.Tests.Persistence;

/// <summary>The store contract on a real PostgreSQL database of its own per test (the collection's throwaway cluster).</summary>
[Collection(PostgresCluster.Name)]
public sealed class PostgresStoreContractTests(PostgresCluster cluster) : ScenarioStoreContract, IDisposable
{
    private readonly PostgresStores _stores = new(cluster.CreateDatabase());

    protected override FakeTimeProvider Clock => _stores.Clock;

    protected override IScenarioStore Create(Action<ScenarioStoreOptions>? configure = null) => _stores.Create(configure);

    protected override void Close(IScenarioStore store) => ((PostgresScenarioStore)store).Dispose();

    public void Dispose() => _stores.Dispose();
}

/// <summary>PostgreSQL stores on one database, with a fake clock and captured logs; disposes them all.</summary>
public sealed class PostgresStores(string connectionString) : IDisposable
{
    private readonly List<PostgresScenarioStore> _stores = [];

    public string ConnectionString { get; } = connectionString;

    public FakeTimeProvider Clock { get; } = new(ScenarioStoreContract.Start);

    public CapturedLogs Logs { get; } = new();

    public PostgresScenarioStore Create(Action<ScenarioStoreOptions>? configure = null, string? connectionString = null)
    {
        var options = new ScenarioStoreOptions { Provider = ScenarioStoreProvider.Postgres, ConnectionString = connectionString ?? ConnectionString };
        configure?.Invoke(options);
        using var factory = LoggerFactory.Create(logging => logging.AddProvider(Logs).SetMinimumLevel(LogLevel.Debug));
        var store = new PostgresScenarioStore(options, Clock, factory.CreateLogger<PostgresScenarioStore>());
        _stores.Add(store);
        return store;
    }

    public void Dispose()
    {
        foreach (PostgresScenarioStore store in _stores)
        {
            store.Dispose();
        }
    }
}
