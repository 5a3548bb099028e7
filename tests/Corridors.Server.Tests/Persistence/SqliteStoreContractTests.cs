using Corridors.Server.Persistence;
using Microsoft.Extensions.Time.Testing;

namespace Corridors.Server.Tests.Persistence;

/// <summary>The store contract on a SQLite file in a temp folder.</summary>
public sealed class SqliteStoreContractTests : ScenarioStoreContract, IDisposable
{
    private readonly TempStore _temp = new();

    protected override FakeTimeProvider Clock => _temp.Clock;

    protected override IScenarioStore Create(Action<ScenarioStoreOptions>? configure = null) => _temp.Create(configure);

    protected override void Close(IScenarioStore store) => TempStore.Close((SqliteScenarioStore)store);

    public void Dispose() => _temp.Dispose();
}
