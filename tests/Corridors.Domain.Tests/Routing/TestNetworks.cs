using Corridors.Domain.Geo;
using Corridors.Domain.Network;
using NetTopologySuite.Geometries;

namespace Corridors.Domain.Tests.Routing;

/// <summary>Small hand-made and seeded random networks for routing tests, built in code (no files).</summary>
internal sealed class TestNetworks
{
    public static readonly GeometryFactory Factory = Wgs84.CreateFactory();
    private static readonly Provenance Test = Provenance.Derived("test fixture");

    private readonly List<Place> _places = [];
    private readonly List<Link> _links = [];
    private readonly List<Corridor> _corridors = [];

    public TestNetworks Place(string id, string country, double lon, double lat, PlaceKind kind = PlaceKind.City, params Dwell[] dwells)
    {
        _places.Add(new Place(new PlaceId(id), id, [], country, null, kind, Factory.CreatePoint(new Coordinate(lon, lat)), dwells, [], "test"));
        return this;
    }

    public TestNetworks Link(
        string from,
        string to,
        double km,
        TransportMode mode = TransportMode.Rail,
        double speedKmh = 50,
        int? gaugeMm = 1435,
        string[]? countries = null,
        string[]? corridors = null,
        LinkStatus status = LinkStatus.Operational,
        DateOnly? opens = null,
        (double Min, double Typical, double Max)? speedRangeKmh = null,
        string? id = null)
    {
        Place a = _places.Single(p => p.Id.Value == from);
        Place b = _places.Single(p => p.Id.Value == to);
        var speed = speedRangeKmh ?? (speedKmh * 0.8, speedKmh, speedKmh * 1.2);
        _links.Add(new Link(
            new LinkId(id ?? $"{from}-{to}"),
            a.Id,
            b.Id,
            mode,
            mode == TransportMode.Rail ? gaugeMm : null,
            new ValueFigure(km, Test),
            new RangeFigure(speed.Min, speed.Typical, speed.Max, Test),
            null,
            Factory.CreateLineString([a.Location.Coordinate, b.Location.Coordinate]),
            countries ?? (a.CountryCode == b.CountryCode ? [a.CountryCode] : [a.CountryCode, b.CountryCode]),
            null,
            status,
            opens is null ? null : new DateFigure(opens.Value, Test),
            null,
            [.. (corridors ?? ["access"]).Select(c => new CorridorId(c))],
            null,
            [],
            false,
            "test"));
        return this;
    }

    public TestNetworks Corridor(string id, string[] china, string[] europe)
    {
        _corridors.Add(new Corridor(new CorridorId(id), id, id, [.. china.Select(p => new PlaceId(p))], [.. europe.Select(p => new PlaceId(p))], []));
        return this;
    }

    public CorridorNetwork Build() => new(_places, _links, _corridors, []);

    public static Dwell Dwell(DwellKind kind, double min, double typical, double max) =>
        new(kind, new RangeFigure(min, typical, max, Test));

    /// <summary>
    /// A seeded random network: places scattered over a 20°×10° box, a spanning chain so every place is reachable,
    /// extra random links (no parallel links), random modes, gauges, dwells and countries.
    /// </summary>
    public static CorridorNetwork Random(int seed, int placeCount = 30, int extraLinks = 45)
    {
        var random = new Random(seed);
        var builder = new TestNetworks();
        string[] countries = ["AA", "BB", "CC", "DD"];
        for (int i = 0; i < placeCount; i++)
        {
            var dwells = new List<Dwell>
            {
                Dwell(DwellKind.GaugeBreak, 1, 2 + random.NextDouble() * 4, 10),
                Dwell(DwellKind.PortHandling, 5, 10 + random.NextDouble() * 10, 40),
                Dwell(DwellKind.FerryWait, 12, 24 + random.NextDouble() * 24, 300),
                Dwell(DwellKind.BorderCrossing, 1, 3 + random.NextDouble() * 10, 48),
            };
            PlaceKind kind = random.Next(4) == 0 ? PlaceKind.BorderCrossing : PlaceKind.City;
            builder.Place($"p{i:D2}", countries[i * countries.Length / placeCount], 10 + random.NextDouble() * 20, 40 + random.NextDouble() * 10, kind, [.. dwells]);
        }

        var pairs = new HashSet<(int, int)>();
        void Add(int a, int b)
        {
            if (a == b || !pairs.Add((Math.Min(a, b), Math.Max(a, b))))
            {
                return;
            }

            Place pa = builder._places[a];
            Place pb = builder._places[b];
            double geodesicKm = Geodesy.HaversineKm(pa.Location.Coordinate, pb.Location.Coordinate);
            TransportMode mode = (TransportMode)random.Next(4);
            builder.Link(
                pa.Id.Value,
                pb.Id.Value,
                Math.Round(geodesicKm * (1.05 + random.NextDouble() * 0.5), 1),
                mode,
                speedKmh: 20 + random.Next(60),
                gaugeMm: random.Next(2) == 0 ? 1435 : 1520,
                corridors: [random.Next(3) == 0 ? "access" : random.Next(2) == 0 ? "north" : "south"]);
        }

        for (int i = 1; i < placeCount; i++)
        {
            Add(i - 1, i);
        }

        for (int k = 0; k < extraLinks; k++)
        {
            Add(random.Next(placeCount), random.Next(placeCount));
        }

        builder.Corridor("north", ["p00"], [$"p{placeCount - 1:D2}"]);
        builder.Corridor("south", ["p00"], [$"p{placeCount - 1:D2}"]);
        return builder.Build();
    }
}
