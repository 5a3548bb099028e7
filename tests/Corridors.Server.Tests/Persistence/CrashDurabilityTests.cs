using System.Diagnostics;
using System.Globalization;
using Corridors.Server.Persistence;
using Corridors.Server.Tests.Support;
using Microsoft.Data.Sqlite;

namespace Corridors.Server.Tests.Persistence;

/// <summary>
/// kill -9 of a real process mid-stream of writes: every write the store acknowledged is there afterwards and the
/// file passes <c>PRAGMA integrity_check</c>. The child is tests/Corridors.StoreCrashProbe (copied beside the tests).
/// </summary>
public sealed class CrashDurabilityTests : IDisposable
{
    private const int AcknowledgementsBeforeKill = 60;

    private readonly TempStore _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task KilledMidStream_EveryAcknowledgedWriteSurvives_AndTheFileIsIntact()
    {
        string probe = Path.Combine(AppContext.BaseDirectory, "Corridors.StoreCrashProbe.dll");
        Assert.True(File.Exists(probe), $"{probe} is missing: the test project references the probe project.");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = _temp.Folder,
        };
        // Stops by itself after 100,000 creates or 60 s: the test kills it long before, but a broken test never leaves it behind.
        foreach (string argument in new[] { "exec", probe, _temp.DatabasePath, "100000", "60" })
        {
            start.ArgumentList.Add(argument);
        }

        using var child = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var acknowledged = new List<string>();
        Task<string> errors = child.StandardError.ReadToEndAsync();
        try
        {
            using var timeout = new CancellationTokenSource(Bounded.Timeout);
            while (acknowledged.Count(a => a.StartsWith("CREATED", StringComparison.Ordinal)) < AcknowledgementsBeforeKill)
            {
                string? line = await child.StandardOutput.ReadLineAsync(timeout.Token);
                if (line is null or "DONE")
                {
                    Assert.Fail($"The probe stopped early ({line ?? "end of output"}); stderr: {await errors.WaitAsync(Bounded.Timeout)}");
                }

                if (line != "READY")
                {
                    acknowledged.Add(line);
                }
            }
        }
        finally
        {
            // SIGKILL: no finalizers, no disposal, no checkpoint; whatever was written is what a crash leaves.
            child.Kill(entireProcessTree: true);
            await child.WaitForExitAsync().WaitAsync(Bounded.Timeout);
        }

        // Lines already in the pipe were acknowledged before the kill too.
        string rest = await child.StandardOutput.ReadToEndAsync().WaitAsync(Bounded.Timeout);
        acknowledged.AddRange(rest.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.NotEqual(0, child.ExitCode);
        Assert.DoesNotContain("DONE", acknowledged);

        using (var connection = new SqliteConnection($"Data Source={_temp.DatabasePath};Pooling=False"))
        {
            connection.Open();
            using SqliteCommand check = connection.CreateCommand();
            check.CommandText = "PRAGMA integrity_check;";
            Assert.Equal("ok", check.ExecuteScalar());
        }

        SqliteScenarioStore store = await _temp.OpenAsync();
        Assert.Equal(ScenarioStoreState.Ready, store.Status.State);
        var stored = (await store.ListAsync().Within()).ToDictionary(s => s.Id);
        string[] created = [.. acknowledged.Where(a => a.StartsWith("CREATED ", StringComparison.Ordinal)).Select(a => a["CREATED ".Length..])];
        Assert.True(created.Length >= AcknowledgementsBeforeKill);
        Assert.All(created, id => Assert.True(stored.ContainsKey(id), $"Acknowledged {id} is missing after the kill."));
        long lastUpdate = acknowledged.Where(a => a.StartsWith("UPDATED ", StringComparison.Ordinal))
            .Select(a => long.Parse(a.Split(' ')[2], CultureInfo.InvariantCulture)).Max();
        // The stored version is the last acknowledged one, or one more if a write committed but was not yet printed.
        Assert.InRange(stored["probe-000000"].Version, lastUpdate, lastUpdate + 1);
        Assert.InRange(stored.Count, created.Length, created.Length + 1);
        // Each create and each update bumps the persisted change counter once.
        Assert.Equal(stored.Count + stored["probe-000000"].Version - 1, store.ChangeSequence);
    }
}
