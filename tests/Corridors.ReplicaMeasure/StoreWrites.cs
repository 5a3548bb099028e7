using System.Diagnostics;
using System.Globalization;
using Corridors.Server.Persistence;
using Corridors.Server.Persistence.Postgres;
using Microsoft.Extensions.Logging.Abstractions;

namespace Corridors.ReplicaMeasure;

/// <summary>
/// Scenario writes per second on each store, the same work on both: updates of 8 scenarios (a 1 KB document) for a
/// fixed time, by 1 writer and by 8 concurrent writers, each update from the version it last saw (no conflicts).
/// SQLite: a temp file (WAL, synchronous=FULL). PostgreSQL: the database the connection string names (must be empty).
/// </summary>
internal static class StoreWrites
{
    private static readonly string Definition = "{\"changes\":[],\"description\":\"" + new string('x', 1_000) + "\"}";

    public static async Task RunAsync(string postgresConnectionString, TimeSpan duration)
    {
        string folder = Path.Combine(Path.GetTempPath(), "corridors-measure-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            using (var sqlite = new SqliteScenarioStore(new ScenarioStoreOptions { DatabasePath = Path.Combine(folder, "s.db") }, folder, TimeProvider.System,
                NullLogger<SqliteScenarioStore>.Instance))
            {
                await MeasureAsync("SQLite", sqlite, duration);
            }

            await using var postgres = new PostgresScenarioStore(
                new ScenarioStoreOptions { Provider = ScenarioStoreProvider.Postgres, ConnectionString = postgresConnectionString }, TimeProvider.System,
                NullLogger<PostgresScenarioStore>.Instance);
            await MeasureAsync("PostgreSQL", postgres, duration);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task MeasureAsync(string name, IScenarioStore store, TimeSpan duration)
    {
        ScenarioStoreStatus status = await store.InitializeAsync();
        if (status.State != ScenarioStoreState.Ready)
        {
            throw new InvalidOperationException($"{name}: {status.Message}");
        }

        foreach (int writers in new[] { 1, 8 })
        {
            var ids = Enumerable.Range(0, writers).Select(i => $"{name.ToLowerInvariant()}-{writers}-{i}").ToArray();
            foreach (string id in ids)
            {
                await store.CreateAsync(id, id, Definition);
            }

            long started = Stopwatch.GetTimestamp();
            int[] counts = await Task.WhenAll(ids.Select(id => Task.Run(async () =>
            {
                long version = 1;
                int done = 0;
                while (Stopwatch.GetElapsedTime(started) < duration)
                {
                    ScenarioWriteResult result = await store.UpdateAsync(id, version, id, Definition);
                    version = result is ScenarioWriteResult.Updated updated ? updated.NewVersion : throw new InvalidOperationException(result.ToString());
                    done++;
                }

                return done;
            })));
            double seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{name}: {counts.Sum() / seconds:F0} updates/s with {writers} writer(s) ({counts.Sum()} in {seconds:F1} s)"));
        }
    }
}
