using System.Globalization;
using Corridors.Contracts.V1;
using Google.Protobuf;

namespace Corridors.LoadTest;

/// <summary>
/// The CompareCorridors requests of the plain run's <c>--mix N</c>: N distinct requests (distinct bytes, so distinct
/// keys in the server's comparison cache) that the clients cycle through in order. The first is the plain
/// <c>--from</c>→<c>--to</c> request with no date or perspective (today's answer, what the tool always sent), so
/// N = 1 is the single-request run. The others are drawn with a seeded <see cref="Random"/>: a Chinese and a European
/// terminal (8 in 10 China → Europe), an as-of date in the answered range and a shipper (a regime set and a cargo
/// class). Cycling in order means that with N above the cache's size every call misses (least recently used leave
/// first), and with N well below it nearly every call hits.
/// </summary>
internal static class CompareMix
{
    public const int MaxRequests = 100_000;

    /// <summary>Chinese rail terminals and seaports (ids in networks/places.geojson).</summary>
    internal static readonly string[] ChinaTerminals =
        ["chongqing", "chengdu", "xian", "zhengzhou", "yiwu", "wuhan", "urumqi", "lanzhou", "beijing", "shanghai", "ningbo", "shenzhen"];

    /// <summary>European rail terminals and seaports (ids in networks/places.geojson).</summary>
    internal static readonly string[] EuropeTerminals =
        ["duisburg", "hamburg", "rotterdam", "antwerp", "warsaw", "lodz", "poznan", "berlin", "hannover", "nuremberg", "vienna", "budapest", "piraeus", "constanta", "madrid"];

    /// <summary>The cargo classes a perspective names (risk.proto).</summary>
    internal static readonly string[] CargoClasses = ["general", "dual-use", "military", "energy"];

    /// <summary>
    /// <paramref name="count"/> distinct requests, the same for the same arguments: the plain
    /// <paramref name="origin"/>→<paramref name="destination"/> request first, then <paramref name="count"/> − 1 drawn
    /// with <paramref name="seed"/>.
    /// </summary>
    public static IReadOnlyList<CompareCorridorsRequest> Build(string origin, string destination, int count, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, MaxRequests);
        var first = new CompareCorridorsRequest { Origin = origin, Destination = destination };
        var requests = new List<CompareCorridorsRequest>(count) { first };
        var seen = new HashSet<ByteString> { first.ToByteString() };
        var random = new Random(seed);
        int days = SoakWorkload.LastAsOf.DayNumber - SoakWorkload.FirstAsOf.DayNumber + 1;
        while (requests.Count < count)
        {
            string china = ChinaTerminals[random.Next(ChinaTerminals.Length)];
            string europe = EuropeTerminals[random.Next(EuropeTerminals.Length)];
            bool westbound = random.Next(10) < 8;
            var perspective = new Perspective { CargoClass = CargoClasses[random.Next(CargoClasses.Length)] };
            perspective.Regimes.AddRange(SoakWorkload.Regimes[random.Next(SoakWorkload.Regimes.Length)]);
            var request = new CompareCorridorsRequest
            {
                Origin = westbound ? china : europe,
                Destination = westbound ? europe : china,
                Constraints = new RouteConstraints
                {
                    AsOf = SoakWorkload.FirstAsOf.AddDays(random.Next(days)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    Perspective = perspective,
                },
            };
            if (seen.Add(request.ToByteString()))
            {
                requests.Add(request);
            }
        }

        return requests;
    }

    /// <summary>One line saying what the requests are, for the run's header.</summary>
    public static string Describe(string origin, string destination, int count, int seed) => count == 1
        ? $"one request, {origin}→{destination} (today, no perspective)"
        : string.Create(CultureInfo.InvariantCulture,
            $"{count:N0} distinct requests cycled in order: {origin}→{destination} (today, no perspective) and {count - 1:N0} drawn with seed {seed} from {ChinaTerminals.Length} Chinese × {EuropeTerminals.Length} European terminals (8 in 10 westbound), as-of {SoakWorkload.FirstAsOf:yyyy-MM-dd} … {SoakWorkload.LastAsOf:yyyy-MM-dd}, {SoakWorkload.Regimes.Length} regime sets × {CargoClasses.Length} cargo classes");
}
