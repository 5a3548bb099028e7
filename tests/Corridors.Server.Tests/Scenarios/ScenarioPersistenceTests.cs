using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Corridors.Contracts.V1;
using Corridors.Server.Tests.Persistence;
using Corridors.Server.Tests.Support;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;

namespace Corridors.Server.Tests.Scenarios;

/// <summary>Scenarios survive a restart of the real server process; a read-only database keeps reads served.</summary>
public sealed class ScenarioPersistenceTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "corridors-restart-" + Guid.NewGuid().ToString("N"));

    public ScenarioPersistenceTests() => Directory.CreateDirectory(_folder);

    [Fact]
    public async Task RealProcess_CreateStopStart_TheScenarioIsServedAgain()
    {
        string database = Path.Combine(_folder, "scenarios.db");
        Scenario created;
        int firstProcess;
        await using (var first = await ServerProcess.StartAsync(database))
        {
            firstProcess = first.ProcessId;
            var client = new ScenarioService.ScenarioServiceClient(first.Channel);
            created = await client.CreateScenarioAsync(new CreateScenarioRequest { Id = "survives-restart", Name = "Survivor", Definition = Definitions.CloseBrest("survives-restart") },
                ScenarioServer.Writer, Bounded.Deadline()).Within();
            await client.UpdateScenarioAsync(new UpdateScenarioRequest { Id = "survives-restart", ExpectedVersion = 1, Name = "Survivor", Definition = Definitions.CloseRedSea("survives-restart") },
                ScenarioServer.Writer, Bounded.Deadline()).Within();
        }

        await using var second = await ServerProcess.StartAsync(database);
        var again = new ScenarioService.ScenarioServiceClient(second.Channel);
        Scenario restored = await again.GetScenarioAsync(new GetScenarioRequest { Id = "survives-restart" }, deadline: Bounded.Deadline()).Within();
        CompareCorridorsResponse answer = await new ComparisonService.ComparisonServiceClient(second.Channel).CompareCorridorsAsync(new CompareCorridorsRequest
        {
            // A fixed date: the real process runs on the system clock, and "today" leaves the sanction data's range a
            // year after its review.
            Origin = "shanghai", Destination = "rotterdam", ScenarioId = "survives-restart", IncludeBaseline = true,
            Constraints = new RouteConstraints { AsOf = "2026-11-29" },
        }, deadline: Bounded.Deadline()).Within();

        Assert.NotEqual(firstProcess, second.ProcessId);
        Assert.Equal(2, restored.Version);
        Assert.Equal("Survivor", restored.Name);
        Assert.Equal(created.CreatedAt, restored.CreatedAt);
        Assert.Contains("bab-el-mandeb", restored.Definition, StringComparison.Ordinal);
        Assert.InRange(answer.Deltas.Single(d => d.CorridorId == "maritime").DeltaP50Days, 7, 14);
    }

    [Fact]
    public async Task ReadOnlyDatabase_ServesReadsAndQueries_RefusesWritesWithFailedPrecondition()
    {
        using var temp = new TempStore();
        using (var seed = new ServerFactory(ScenarioServer.Settings(temp.DatabasePath)))
        {
            await new ScenarioService.ScenarioServiceClient(seed.CreateChannel()).CreateScenarioAsync(
                new CreateScenarioRequest { Id = "kept", Definition = Definitions.CloseRedSea("kept") }, ScenarioServer.Writer, Bounded.Deadline()).Within();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        string before = temp.Fingerprint();
        temp.MakeReadOnly(temp.DatabasePath);
        using var factory = new ServerFactory(ScenarioServer.Settings(temp.DatabasePath));
        var client = new ScenarioService.ScenarioServiceClient(factory.CreateChannel());

        Scenario kept = await client.GetScenarioAsync(new GetScenarioRequest { Id = "kept" }, deadline: Bounded.Deadline()).Within();
        RichError create = await client.CreateScenarioAsync(new CreateScenarioRequest { Id = "new-one", Definition = Definitions.CloseRedSea("new-one") },
            ScenarioServer.Writer, Bounded.Deadline()).Fails(StatusCode.FailedPrecondition);
        RichError update = await client.UpdateScenarioAsync(new UpdateScenarioRequest { Id = "kept", ExpectedVersion = 1, Definition = Definitions.CloseBrest("kept") },
            ScenarioServer.Writer, Bounded.Deadline()).Fails(StatusCode.FailedPrecondition);
        CompareCorridorsResponse answer = await new ComparisonService.ComparisonServiceClient(factory.CreateChannel()).CompareCorridorsAsync(
            new CompareCorridorsRequest { Origin = "shanghai", Destination = "rotterdam", ScenarioId = "kept" }, deadline: Bounded.Deadline()).Within();

        Assert.Equal(1, kept.Version);
        Assert.StartsWith("the scenario store is read-only, so scenarios cannot be changed now (reads still work)", create.Status.Message, StringComparison.Ordinal);
        Assert.Equal("STORE_READ_ONLY", update.ErrorInfo.Reason);
        Assert.Contains(answer.Comparisons.Single(c => c.CorridorId == "maritime").Legs, l => l.To.Id == "cape-of-good-hope");
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Assert.Equal(before, temp.Fingerprint());
    }

    [Fact]
    public async Task CorruptDatabase_KeepsShippedScenariosServed_WritesAreUnavailable()
    {
        string database = Path.Combine(_folder, "corrupt.db");
        await File.WriteAllTextAsync(database, "this is not an SQLite database, and it must stay as it is");
        using var factory = new ServerFactory(ScenarioServer.Settings(database));
        var client = new ScenarioService.ScenarioServiceClient(factory.CreateChannel());

        ListScenariosResponse list = await client.ListScenariosAsync(new ListScenariosRequest(), deadline: Bounded.Deadline()).Within();
        RichError create = await client.CreateScenarioAsync(new CreateScenarioRequest { Id = "new-one", Definition = Definitions.CloseRedSea("new-one") },
            ScenarioServer.Writer, Bounded.Deadline()).Fails(StatusCode.Unavailable);

        Assert.Equal(["caspian-ferry-congestion", "cku-open", "poland-belarus-border-closed", "red-sea-closed"], list.Scenarios.Select(s => s.Id));
        Assert.StartsWith("the scenario store cannot be written now (Corrupt); reads still work", create.Status.Message, StringComparison.Ordinal);
        Assert.Equal("this is not an SQLite database, and it must stay as it is", await File.ReadAllTextAsync(database));
    }

    [Fact]
    public async Task ReadsRequireKey_RefusesAnonymousReadsAndQueries_ButNotHealth()
    {
        Dictionary<string, string?> settings = ScenarioServer.Settings();
        settings["Corridors:ApiKeys:ReadsRequireKey"] = "true";
        using var factory = new ServerFactory(settings);
        GrpcChannel channel = factory.CreateChannel();

        RpcException list = await Assert.ThrowsAsync<RpcException>(() => new ScenarioService.ScenarioServiceClient(channel)
            .ListScenariosAsync(new ListScenariosRequest(), deadline: Bounded.Deadline()).ResponseAsync).Within();
        RpcException compare = await Assert.ThrowsAsync<RpcException>(() => new ComparisonService.ComparisonServiceClient(channel)
            .CompareCorridorsAsync(new CompareCorridorsRequest { Origin = "xian", Destination = "duisburg" }, deadline: Bounded.Deadline()).ResponseAsync).Within();
        ListScenariosResponse withKey = await new ScenarioService.ScenarioServiceClient(channel)
            .ListScenariosAsync(new ListScenariosRequest(), ScenarioServer.Key(ScenarioServer.ReaderKey), Bounded.Deadline()).Within();
        HealthCheckResponse health = await new Health.HealthClient(channel).CheckAsync(new HealthCheckRequest(), deadline: Bounded.Deadline()).Within();

        Assert.Equal(StatusCode.Unauthenticated, list.StatusCode);
        Assert.Equal("Reading needs an API key in the x-api-key metadata.", list.Status.Detail);
        Assert.Equal(StatusCode.Unauthenticated, compare.StatusCode);
        Assert.Equal(4, withKey.Scenarios.Count);
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, health.Status);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }

    /// <summary>
    /// The built server (<c>Corridors.Server.dll</c>, copied beside the tests) run with <c>dotnet</c> on a free loopback
    /// port, the repository's networks and the given database; stopped with SIGKILL (the harshest stop; an
    /// acknowledged write must survive it).
    /// </summary>
    private sealed class ServerProcess : IAsyncDisposable
    {
        private readonly Process _process;

        private ServerProcess(Process process, int port)
        {
            _process = process;
            Channel = GrpcChannel.ForAddress($"http://127.0.0.1:{port}");
        }

        public GrpcChannel Channel { get; }

        public int ProcessId => _process.Id;

        public static async Task<ServerProcess> StartAsync(string database)
        {
            int grpcPort = FreePort();
            int httpPort = FreePort();
            var start = new ProcessStartInfo("dotnet")
            {
                WorkingDirectory = AppContext.BaseDirectory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (string arg in new[]
                     {
                         Path.Combine(AppContext.BaseDirectory, "Corridors.Server.dll"),
                         $"--Corridors:GrpcPort={grpcPort}",
                         $"--Corridors:HttpPort={httpPort}",
                         $"--Corridors:NetworksDirectory={Path.Combine(RepositoryRoot(), "networks")}",
                         $"--Corridors:ScenarioStore:DatabasePath={database}",
                     })
            {
                start.ArgumentList.Add(arg);
            }

            foreach ((string key, string? value) in ScenarioServer.Settings())
            {
                start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
            }

            var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
            process.OutputDataReceived += (_, _) => { };
            process.ErrorDataReceived += (_, _) => { };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            var server = new ServerProcess(process, grpcPort);
            var health = new Health.HealthClient(server.Channel);
            var ready = Stopwatch.StartNew();
            while (true)
            {
                try
                {
                    HealthCheckResponse status = await health.CheckAsync(new HealthCheckRequest(), deadline: DateTime.UtcNow.AddSeconds(2));
                    if (status.Status == HealthCheckResponse.Types.ServingStatus.Serving)
                    {
                        return server;
                    }
                }
                catch (RpcException) when (ready.Elapsed < Bounded.Timeout && !process.HasExited)
                {
                    await Task.Delay(100);
                }
                catch (RpcException)
                {
                    await server.DisposeAsync();
                    throw new InvalidOperationException($"the server did not become SERVING within {Bounded.Timeout} (exited: {process.HasExited})");
                }
            }
        }

        public async ValueTask DisposeAsync()
        {
            Channel.Dispose();
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }

            await _process.WaitForExitAsync().WaitAsync(Bounded.Timeout);
            _process.Dispose();
        }

        private static int FreePort()
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        private static string RepositoryRoot()
        {
            for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Corridors.sln")))
                {
                    return dir.FullName;
                }
            }

            throw new InvalidOperationException("Corridors.sln not found");
        }
    }
}
