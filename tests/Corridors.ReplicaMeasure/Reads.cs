using System.Diagnostics;
using System.Globalization;
using Corridors.Contracts.V1;
using Grpc.Net.Client;

namespace Corridors.ReplicaMeasure;

/// <summary>
/// Read throughput through a round-robin channel (<see cref="Contracts.Client.ServerChannel"/>) over the given replicas: N clients
/// calling CompareCorridors (Xi'an → Duisburg, a few dates, so mostly cache hits as a dashboard would make) for a
/// fixed time. Run it with one address, then two, on the same machine.
/// </summary>
internal static class Reads
{
    public static async Task RunAsync(IReadOnlyList<Uri> replicas, int clients, TimeSpan duration)
    {
        using GrpcChannel channel = Contracts.Client.ServerChannel.Open(replicas);
        var comparisons = new ComparisonService.ComparisonServiceClient(channel);
        string[] dates = ["2024-06-01", "2025-01-15", "2025-09-15", "2026-03-01"];
        await comparisons.CompareCorridorsAsync(Request(dates[0])); // connect first
        long started = Stopwatch.GetTimestamp();
        int[] counts = await Task.WhenAll(Enumerable.Range(0, clients).Select(client => Task.Run(async () =>
        {
            int done = 0;
            while (Stopwatch.GetElapsedTime(started) < duration)
            {
                await comparisons.CompareCorridorsAsync(Request(dates[(client + done) % dates.Length]));
                done++;
            }

            return done;
        })));
        double seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"reads through {replicas.Count} replica(s), {clients} clients: {counts.Sum() / seconds:F0} CompareCorridors/s ({counts.Sum()} in {seconds:F1} s)"));
    }

    private static CompareCorridorsRequest Request(string asOf) =>
        new() { Origin = "xian", Destination = "duisburg", Constraints = new RouteConstraints { AsOf = asOf } };
}
