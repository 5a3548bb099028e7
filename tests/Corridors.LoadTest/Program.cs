using System.Globalization;
using Corridors.Contracts.V1;
using Corridors.LoadTest;
using Grpc.Health.V1;
using Grpc.Net.Client;

if (args.Length > 0 && args[0] == "soak")
{
    (SoakOptions? soak, string? soakError) = SoakOptions.Parse(args[1..]);
    if (soak is null)
    {
        Console.Error.WriteLine(soakError);
        return soakError == SoakOptions.Usage ? 0 : 2;
    }

    return await SoakCommand.RunAsync(soak);
}

(LoadOptions? options, string? error) = LoadOptions.Parse(args);
if (options is null)
{
    Console.Error.WriteLine(error);
    return error == LoadOptions.Usage ? 0 : 2;
}

var channels = Enumerable.Range(0, options.Clients)
    .Select(_ => GrpcChannel.ForAddress(options.Server, new GrpcChannelOptions { HttpHandler = new SocketsHttpHandler { EnableMultipleHttp2Connections = true } }))
    .ToList();
try
{
    var compare = new CompareCorridorsRequest { Origin = options.Origin, Destination = options.Destination };
    var check = new HealthCheckRequest();

    // The measured calls read each response's bytes without decoding them (RawCalls): client and server share this
    // machine's cores, and decoding a 24 KB comparison would charge the client's work to the server's figure.
    Task Health(GrpcChannel channel, CancellationToken token) => RawCalls.Invoke(channel, RawCalls.HealthCheck, check, token);
    Task Compare(GrpcChannel channel, CancellationToken token) => RawCalls.Invoke(channel, RawCalls.CompareCorridors, compare, token);

    // One call each first, so a wrong address or a bad request fails fast with its status.
    CompareCorridorsResponse sample = await new ComparisonService.ComparisonServiceClient(channels[0]).CompareCorridorsAsync(compare);
    await Health(channels[0], CancellationToken.None);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"server {options.Server}  clients {options.Clients}  {(options.Duration is { } d ? $"{d.TotalSeconds:0.#} s per method" : $"{options.Requests} calls per method")}  " +
        $"compare {sample.Origin.Id}→{sample.Destination.Id} ({sample.Comparisons.Count} corridors, {sample.CalculateSize()} bytes)  " +
        $"{Environment.ProcessorCount} cores, .NET {Environment.Version}"));

    if (options.Warmup > TimeSpan.Zero)
    {
        await LoadRunner.RunAsync("warm-up", channels, Health, null, options.Warmup / 2);
        await LoadRunner.RunAsync("warm-up", channels, Compare, null, options.Warmup / 2);
    }

    int? budget = options.Duration is null ? options.Requests : null;
    PhaseResult empty = await LoadRunner.RunAsync("grpc.health.v1.Health/Check", channels, Health, budget, options.Duration);
    PhaseResult comparison = await LoadRunner.RunAsync("corridors.v1.ComparisonService/CompareCorridors", channels, Compare, budget, options.Duration);

    Console.WriteLine($"{"method",-50} {"calls",8} {"failed",7} {"seconds",8} {"calls/s",9} {"p50 ms",8} {"p99 ms",8}");
    foreach (PhaseResult r in new[] { empty, comparison })
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{r.Name,-50} {r.Calls,8} {r.Failures,7} {r.Elapsed.TotalSeconds,8:0.00} {r.CallsPerSecond,9:0} {r.P50Ms,8:0.000} {r.P99Ms,8:0.000}"));
        if (r.FirstError is not null)
        {
            Console.WriteLine($"  first failure: {r.FirstError}");
        }
    }

    double ratio = comparison.CallsPerSecond / empty.CallsPerSecond;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"CompareCorridors throughput = {ratio:P0} of the empty call's (target ≥ 50 %): {(ratio >= 0.5 ? "met" : "NOT met")}"));
    return empty.Failures + comparison.Failures == 0 ? 0 : 1;
}
finally
{
    foreach (GrpcChannel channel in channels)
    {
        channel.Dispose();
    }
}
