using System.Diagnostics;
using Corridors.Contracts.V1;
using Corridors.Server.Errors;
using Corridors.Server.Hosting;
using Corridors.Server.Scenarios;
using Corridors.Server.Tests.Scenarios;
using Corridors.Server.Tests.Support;
using Grpc.Core;
using Grpc.Health.V1;
using Npgsql;
using Xunit.Abstractions;

namespace Corridors.Server.Tests.Replicas;

/// <summary>
/// Two replicas sharing one PostgreSQL database: a change through one reaches the other's registry, cache and
/// watchers; concurrent updates through both have exactly one winner; a database restart is survived, writes during
/// it are refused (never a false success) while queries keep being answered, and what was missed is caught up from
/// the table. Every wait is for an expected event, bounded by <see cref="Bounded.Timeout"/>; latencies are written to
/// the output, never asserted.
/// </summary>
[Collection(PostgresCluster.Name)]
public sealed class ReplicaTests(PostgresCluster cluster, ITestOutputHelper output)
{
    private static readonly OdPair XianDuisburg = new() { Origin = "xian", Destination = "duisburg" };

    [Fact]
    public async Task ChangeThroughA_ReachesAMetricsWatcherOnB_AndBServesTheNewVersion()
    {
        using var pair = new ReplicaPair(cluster);
        await pair.A.Scenarios.CreateScenarioAsync(new CreateScenarioRequest { Id = "rep-watch", Definition = Definitions.CloseRedSea("rep-watch") },
            ScenarioServer.Writer, Bounded.Deadline()).Within();
        await pair.B.ServesAsync("rep-watch", 1).Within();
        using var cancel = new CancellationTokenSource(Bounded.Timeout);
        using AsyncServerStreamingCall<WatchCorridorMetricsResponse> watch = pair.B.Metrics.WatchCorridorMetrics(
            new WatchCorridorMetricsRequest { Pairs = { XianDuisburg }, ScenarioId = "rep-watch" }, deadline: Bounded.Deadline(), cancellationToken: cancel.Token);
        GetCorridorMetricsResponse before = await NextMetricsAsync(watch);

        long started = Stopwatch.GetTimestamp();
        await pair.A.Scenarios.UpdateScenarioAsync(new UpdateScenarioRequest { Id = "rep-watch", ExpectedVersion = 1, Definition = Definitions.CloseBrest("rep-watch") },
            ScenarioServer.Writer, Bounded.Deadline()).Within();
        GetCorridorMetricsResponse after = await NextMetricsAsync(watch);
        output.WriteLine($"A's update reached B's watcher in {Stopwatch.GetElapsedTime(started).TotalMilliseconds:F0} ms");

        Assert.Contains("-rep-watch.v1.", before.Version, StringComparison.Ordinal);
        Assert.Contains("-rep-watch.v2.", after.Version, StringComparison.Ordinal);
        // Brest closed for good on B too: its northern corridor no longer runs as before.
        Assert.NotEqual(before.Pairs[0].Corridors.Single(c => c.CorridorId == "northern"), after.Pairs[0].Corridors.Single(c => c.CorridorId == "northern"));
        Scenario onB = await pair.B.Scenarios.GetScenarioAsync(new GetScenarioRequest { Id = "rep-watch" }, deadline: Bounded.Deadline()).Within();
        Assert.Equal(2, onB.Version);
        Assert.Contains("brest-malaszewicze", onB.Definition, StringComparison.Ordinal);
        await cancel.CancelAsync();
    }

    [Fact]
    public async Task DeleteThroughB_EndsAWatchOnA_WithNotFound()
    {
        using var pair = new ReplicaPair(cluster);
        await pair.B.Scenarios.CreateScenarioAsync(new CreateScenarioRequest { Id = "rep-gone", Definition = Definitions.CloseRedSea("rep-gone") },
            ScenarioServer.Writer, Bounded.Deadline()).Within();
        await pair.A.ServesAsync("rep-gone", 1).Within();
        using AsyncServerStreamingCall<WatchCorridorMetricsResponse> watch = pair.A.Metrics.WatchCorridorMetrics(
            new WatchCorridorMetricsRequest { Pairs = { XianDuisburg }, ScenarioId = "rep-gone" }, deadline: Bounded.Deadline());
        await NextMetricsAsync(watch);

        await pair.B.Scenarios.DeleteScenarioAsync(new DeleteScenarioRequest { Id = "rep-gone", ExpectedVersion = 1 }, ScenarioServer.Writer, Bounded.Deadline()).Within();

        RpcException ended = await Assert.ThrowsAsync<RpcException>(() => watch.ResponseStream.MoveNext(CancellationToken.None).WaitAsync(Bounded.Timeout));
        Assert.Equal(StatusCode.NotFound, ended.StatusCode);
        Assert.Equal("scenario 'rep-gone' was deleted", ended.Status.Detail);
        Assert.Null(pair.A.Registry.Find("rep-gone"));
    }

    [Fact]
    public async Task ConcurrentUpdatesThroughBothReplicas_ExactlyOneWins_TheOtherIsAbortedWithTheCurrentVersion()
    {
        using var pair = new ReplicaPair(cluster);
        await pair.A.Scenarios.CreateScenarioAsync(new CreateScenarioRequest { Id = "rep-race", Definition = Definitions.CloseRedSea("rep-race") },
            ScenarioServer.Writer, Bounded.Deadline()).Within();

        // Several rounds, each from the version the last one left: every round has one winner and one ABORTED.
        for (long version = 1; version <= 5; version++)
        {
            Task<Scenario> throughA = pair.A.Scenarios.UpdateScenarioAsync(new UpdateScenarioRequest
            {
                Id = "rep-race", ExpectedVersion = version, Name = $"A round {version}", Definition = Definitions.CloseBrest("rep-race"),
            }, ScenarioServer.Writer, Bounded.Deadline()).ResponseAsync;
            Task<Scenario> throughB = pair.B.Scenarios.UpdateScenarioAsync(new UpdateScenarioRequest
            {
                Id = "rep-race", ExpectedVersion = version, Name = $"B round {version}", Definition = Definitions.CloseRedSea("rep-race"),
            }, ScenarioServer.Writer, Bounded.Deadline()).ResponseAsync;
            await Task.WhenAll(throughA, throughB).ContinueWith(_ => { }, TaskScheduler.Default).Within();

            Task<Scenario>[] both = [throughA, throughB];
            Task<Scenario> winner = Assert.Single(both, t => t.IsCompletedSuccessfully);
            Task<Scenario> loser = Assert.Single(both, t => t.IsFaulted);
            Assert.Equal(version + 1, (await winner).Version);
            var refused = new RichError(Assert.IsType<RpcException>(loser.Exception!.InnerException));
            Assert.Equal(StatusCode.Aborted, refused.Exception.StatusCode);
            Assert.Equal(ScenarioErrors.VersionConflictReason, refused.ErrorInfo.Reason);
            Assert.Equal($"{version + 1}", refused.ErrorInfo.Metadata[ScenarioErrors.CurrentVersionKey]);
            Assert.Equal((await pair.A.ServesAsync("rep-race", version + 1).Within())!.Name, (await pair.B.ServesAsync("rep-race", version + 1).Within())!.Name);
        }
    }

    [Fact]
    public async Task PostgresRestart_WritesMeanwhileAreUnavailable_QueriesKeepAnswering_ReplicasReconnectAndCatchUp()
    {
        using var pair = new ReplicaPair(cluster);
        await pair.A.Scenarios.CreateScenarioAsync(new CreateScenarioRequest { Id = "rep-restart", Definition = Definitions.CloseRedSea("rep-restart") },
            ScenarioServer.Writer, Bounded.Deadline()).Within();
        await pair.B.ServesAsync("rep-restart", 1).Within();
        await pair.B.StoreHealthBecomesAsync(HealthCheckResponse.Types.ServingStatus.Serving).Within();
        try
        {
            cluster.Stop();

            RichError refused = await pair.A.Scenarios.UpdateScenarioAsync(new UpdateScenarioRequest
            {
                Id = "rep-restart", ExpectedVersion = 1, Definition = Definitions.CloseBrest("rep-restart"),
            }, ScenarioServer.Writer, Bounded.Deadline()).Fails(StatusCode.Unavailable);
            Assert.Equal(ScenarioErrors.StoreUnavailableErrorReason, refused.ErrorInfo.Reason);
            Assert.StartsWith("the scenario store cannot be written now (IoError); reads still work: PostgreSQL 127.0.0.1:", refused.Status.Message, StringComparison.Ordinal);
            await pair.A.StoreHealthBecomesAsync(HealthCheckResponse.Types.ServingStatus.NotServing).Within();
            await pair.B.StoreHealthBecomesAsync(HealthCheckResponse.Types.ServingStatus.NotServing).Within();

            // Queries keep answering on both: the baseline, a shipped scenario and the stored one as it was.
            foreach (Replica replica in new[] { pair.A, pair.B })
            {
                foreach (string scenario in new[] { "", "red-sea-closed", "rep-restart" })
                {
                    CompareCorridorsResponse answer = await replica.Comparisons.CompareCorridorsAsync(new CompareCorridorsRequest
                    {
                        Origin = "shanghai", Destination = "rotterdam", ScenarioId = scenario, Constraints = new RouteConstraints { AsOf = "2026-11-29" },
                    }, deadline: Bounded.Deadline()).Within();
                    Assert.Contains(answer.Comparisons, c => c.CorridorId == "maritime");
                }
            }

            Scenario stillThere = await pair.B.Scenarios.GetScenarioAsync(new GetScenarioRequest { Id = "rep-restart" }, deadline: Bounded.Deadline()).Within();
            Assert.Equal(1, stillThere.Version);
        }
        finally
        {
            cluster.Start();
        }

        await pair.A.StoreHealthBecomesAsync(HealthCheckResponse.Types.ServingStatus.Serving).Within();
        await pair.B.StoreHealthBecomesAsync(HealthCheckResponse.Types.ServingStatus.Serving).Within();
        // Nothing was written: the refused update left the scenario at version 1 everywhere.
        Assert.Equal(1, pair.A.Registry.Find("rep-restart")!.Version);
        Scenario updated = await pair.A.Scenarios.UpdateScenarioAsync(new UpdateScenarioRequest
        {
            Id = "rep-restart", ExpectedVersion = 1, Definition = Definitions.CloseBrest("rep-restart"),
        }, ScenarioServer.Writer, Bounded.Deadline()).Within();
        Assert.Equal(2, updated.Version);
        Assert.Equal(2, (await pair.B.ServesAsync("rep-restart", 2).Within())!.Version);
    }

    [Fact]
    public async Task AChangeWhoseNotificationWasMissed_IsCaughtUpFromTheTable_AfterReconnecting()
    {
        using var pair = new ReplicaPair(cluster);
        await pair.A.Scenarios.CreateScenarioAsync(new CreateScenarioRequest { Id = "rep-missed", Definition = Definitions.CloseRedSea("rep-missed") },
            ScenarioServer.Writer, Bounded.Deadline()).Within();
        await pair.B.ServesAsync("rep-missed", 1).Within();
        Scenario current = await pair.A.Scenarios.GetScenarioAsync(new GetScenarioRequest { Id = "rep-missed" }, deadline: Bounded.Deadline()).Within();

        // A write no replica is told about (as if its notification were lost): straight into the table, no NOTIFY.
        await using (var connection = new NpgsqlConnection(pair.ConnectionString + ";Pooling=false"))
        {
            await connection.OpenAsync().Within();
            await using var write = new NpgsqlCommand(
                "UPDATE scenarios SET version = 2, name = 'Renamed behind their backs', updated_unix_ms = updated_unix_ms + 1 WHERE id = 'rep-missed'", connection);
            Assert.Equal(1, await write.ExecuteNonQueryAsync().Within());
        }

        Assert.Equal(1, pair.B.Registry.Find("rep-missed")!.Version);
        cluster.Stop();
        cluster.Start();

        RegisteredScenario caughtUp = (await pair.B.ServesAsync("rep-missed", 2).Within())!;
        Assert.Equal("Renamed behind their backs", caughtUp.Name);
        Assert.Contains("bab-el-mandeb", caughtUp.DefinitionJson, StringComparison.Ordinal);
        Assert.Equal(1, current.Version);
        Assert.Equal(2, (await pair.A.ServesAsync("rep-missed", 2).Within())!.Version);
    }

    [Fact]
    public async Task PostgresDownAtStart_TheReplicaStartsAndSaysSoOnce_ThenServesChangesOnceItIsUp()
    {
        string connectionString = cluster.CreateDatabase();
        Replica? replica = null;
        try
        {
            cluster.Stop();
            replica = new Replica(ReplicaPair.Settings(connectionString));

            // It starts: queries are answered, writes refused, the store reported not serving, one line says why.
            CompareCorridorsResponse answer = await replica.Comparisons.CompareCorridorsAsync(new CompareCorridorsRequest
            {
                Origin = "xian", Destination = "duisburg", ScenarioId = "red-sea-closed", Constraints = new RouteConstraints { AsOf = "2026-11-29" },
            }, deadline: Bounded.Deadline()).Within();
            Assert.NotEmpty(answer.Comparisons);
            await replica.Scenarios.CreateScenarioAsync(new CreateScenarioRequest { Id = "rep-late", Definition = Definitions.CloseRedSea("rep-late") },
                ScenarioServer.Writer, Bounded.Deadline()).Fails(StatusCode.Unavailable);
            Assert.Equal(HealthCheckResponse.Types.ServingStatus.NotServing, await replica.StoreHealthAsync());
            CapturedLogs.LogEntry said = Assert.Single(replica.Factory.Logs.Entries, e => e.EventId.Id == 7008);
            Assert.StartsWith("Scenario store unavailable: PostgreSQL 127.0.0.1:", said.Message, StringComparison.Ordinal);
            Assert.Contains("retrying every 1 s at most", said.Message, StringComparison.Ordinal);
        }
        finally
        {
            cluster.Start();
        }

        await replica.StoreHealthBecomesAsync(HealthCheckResponse.Types.ServingStatus.Serving).Within();
        Scenario created = await replica.Scenarios.CreateScenarioAsync(new CreateScenarioRequest { Id = "rep-late", Definition = Definitions.CloseRedSea("rep-late") },
            ScenarioServer.Writer, Bounded.Deadline()).Within();
        Assert.Equal(1, created.Version);
        replica.Dispose();
    }

    [Fact]
    public void ADatabaseThatDoesNotExist_StopsStartUpWithOneLineForExit78()
    {
        string connectionString = new NpgsqlConnectionStringBuilder(cluster.ConnectionString("postgres")) { Database = "no_such_database" }.ConnectionString;
        using var factory = new ServerFactory(ReplicaPair.Settings(connectionString));

        Exception refused = Assert.ThrowsAny<Exception>(() => factory.Server);

        Assert.True(StartupFailure.TryDescribe(refused, out string line), refused.ToString());
        Assert.Equal(
            $"corridors: the scenario store cannot be opened: PostgreSQL 127.0.0.1:{cluster.Port}/no_such_database refuses this server (3D000: database \"no_such_database\" does not exist): check the user, password and database in Corridors:ScenarioStore:ConnectionString.",
            line);
    }

    private static async Task<GetCorridorMetricsResponse> NextMetricsAsync(AsyncServerStreamingCall<WatchCorridorMetricsResponse> call)
    {
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None).WaitAsync(Bounded.Timeout));
        Assert.Equal(WatchCorridorMetricsResponse.EventOneofCase.Metrics, call.ResponseStream.Current.EventCase);
        return call.ResponseStream.Current.Metrics;
    }
}
