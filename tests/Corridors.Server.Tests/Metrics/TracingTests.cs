using System.Collections.Concurrent;
using System.Diagnostics;
using Corridors.Contracts.V1;
using Corridors.Server.Metrics;
using Corridors.Server.Tests.Scenarios;
using Corridors.Server.Tests.Support;

namespace Corridors.Server.Tests.Metrics;

/// <summary>A scenario write is traced down to its SQLite transaction, under the request's span.</summary>
public sealed class TracingTests : IDisposable
{
    private readonly ConcurrentQueue<Activity> _spans = new();
    private readonly ActivityListener _listener;

    public TracingTests()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is CorridorsTelemetry.Name or "Microsoft.AspNetCore",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = _spans.Enqueue,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public void Dispose() => _listener.Dispose();

    [Fact]
    public async Task CreatingAScenario_GivesASqliteSpanInsideTheRequestSpan()
    {
        using var factory = new ServerFactory(ScenarioServer.Settings());
        var client = new ScenarioService.ScenarioServiceClient(factory.CreateChannel());
        string id = "traced-" + Guid.NewGuid().ToString("N")[..8];

        await client.CreateScenarioAsync(new CreateScenarioRequest { Id = id, Definition = Definitions.CloseBrest(id) }, ScenarioServer.Writer, Bounded.Deadline()).Within();

        Activity write = Assert.Single(_spans, s => s.OperationName == "sqlite create" && (string?)s.GetTagItem("corridors.scenario_id") == id);
        Assert.Equal("sqlite", write.GetTagItem("db.system"));
        Assert.Equal(ActivityKind.Client, write.Kind);
        Assert.Contains(_spans, s => s.Source.Name == "Microsoft.AspNetCore" && s.TraceId == write.TraceId);
    }
}
