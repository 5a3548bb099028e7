using System.Globalization;
using Corridors.Server.Persistence;
using Microsoft.Extensions.Logging.Abstractions;

namespace Corridors.StoreCrashProbe;

// Usage: Corridors.StoreCrashProbe <database-path> <max-writes> <max-seconds>
// Creates scenarios probe-000000, probe-000001, … and after each create updates probe-000000 once more. Prints one line
// per acknowledged write ("CREATED <id>", "UPDATED <id> <version>") only after the store returned success, so every
// printed line is a write the store acknowledged. Stops by itself after <max-writes> creates or <max-seconds> seconds
// (so a broken test never leaves it running), printing "DONE"; the crash test kills it long before that.
internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        if (args.Length != 3
            || !int.TryParse(args[1], NumberStyles.None, CultureInfo.InvariantCulture, out int maxWrites)
            || !double.TryParse(args[2], NumberStyles.Float, CultureInfo.InvariantCulture, out double maxSeconds))
        {
            await Console.Error.WriteLineAsync("usage: Corridors.StoreCrashProbe <database-path> <max-writes> <max-seconds>");
            return 2;
        }

        var options = new ScenarioStoreOptions { DatabasePath = args[0], MaxScenarios = Math.Max(maxWrites, 1) };
        using var store = new SqliteScenarioStore(options, Environment.CurrentDirectory, TimeProvider.System, NullLogger<SqliteScenarioStore>.Instance);
        ScenarioStoreStatus status = await store.InitializeAsync();
        if (status.State != ScenarioStoreState.Ready)
        {
            await Console.Error.WriteLineAsync($"store not ready: {status.Message}");
            return 3;
        }

        Console.WriteLine("READY");
        // A definition of a realistic size (about 4 KB), so writes span several database pages.
        string padding = new('x', 4_000);
        DateTimeOffset deadline = DateTimeOffset.UtcNow.AddSeconds(maxSeconds);
        long updateVersion = 0;
        for (int i = 0; i < maxWrites && DateTimeOffset.UtcNow < deadline; i++)
        {
            string id = string.Create(CultureInfo.InvariantCulture, $"probe-{i:D6}");
            string definition = $$"""{"index":{{i}},"padding":"{{padding}}"}""";
            if (await store.CreateAsync(id, $"Probe {i}", definition) is not ScenarioWriteResult.Created)
            {
                await Console.Error.WriteLineAsync($"create {id} failed");
                return 1;
            }

            Console.WriteLine($"CREATED {id}");
            if (i == 0)
            {
                updateVersion = 1;
                continue;
            }

            ScenarioWriteResult updated = await store.UpdateAsync("probe-000000", updateVersion, $"Probe 0 after {i}", definition);
            if (updated is not ScenarioWriteResult.Updated { NewVersion: var version })
            {
                await Console.Error.WriteLineAsync($"update failed: {updated}");
                return 1;
            }

            updateVersion = version;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"UPDATED probe-000000 {version}"));
        }

        Console.WriteLine("DONE");
        return 0;
    }
}
