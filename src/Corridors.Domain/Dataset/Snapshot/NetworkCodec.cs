using Corridors.Domain.Network;
using NetTopologySuite.Geometries;

namespace Corridors.Domain.Dataset.Snapshot;

/// <summary>
/// The network in a snapshot: places, links, corridors and sources, each field in declaration order. Geometries are
/// written as longitude/latitude pairs and rebuilt with the run's factory, as the loader builds them (2-D, SRID 4326).
/// </summary>
internal static class NetworkCodec
{
    public static void Write(SnapshotWriter w, CorridorNetwork network)
    {
        w.List(network.Places, p => WritePlace(w, p));
        w.List(network.Links, l => WriteLink(w, l));
        w.List(network.Corridors, c =>
        {
            w.String(c.Id.Value);
            w.String(c.Name);
            w.String(c.Description);
            w.List(c.ChinaPlaces, id => w.String(id.Value));
            w.List(c.EuropePlaces, id => w.String(id.Value));
            w.Strings(c.SourceIds);
        });
        w.List(network.Sources, s =>
        {
            w.String(s.Id);
            w.String(s.Title);
            w.String(s.Url);
            w.String(s.Date);
            w.String(s.Notes);
        });
    }

    public static CorridorNetwork Read(SnapshotReader r, GeometryFactory factory)
    {
        List<Place> places = r.List(() => ReadPlace(r, factory));
        List<Link> links = r.List(() => ReadLink(r, factory));
        List<Corridor> corridors = r.List(() => new Corridor(
            new CorridorId(r.String()), r.String(), r.String(), r.List(() => new PlaceId(r.String())), r.List(() => new PlaceId(r.String())), r.Strings()));
        List<Source> sources = r.List(() => new Source(r.String(), r.String(), r.String(), r.String(), r.String()));
        return new CorridorNetwork(places, links, corridors, sources);
    }

    private static void WritePlace(SnapshotWriter w, Place p)
    {
        w.String(p.Id.Value);
        w.String(p.Name);
        w.Strings(p.Aliases);
        w.String(p.CountryCode);
        w.OptionalString(p.UnLocode);
        w.Enum(p.Kind);
        WriteCoordinate(w, p.Location.Coordinate);
        w.List(p.Dwells, d =>
        {
            w.Enum(d.Kind);
            w.Range(d.Hours);
        });
        w.Strings(p.SourceIds);
        w.String(p.File);
        w.OptionalString(p.OffMaritimeReason);
    }

    private static Place ReadPlace(SnapshotReader r, GeometryFactory factory) =>
        new(
            new PlaceId(r.String()),
            r.String(),
            r.Strings(),
            r.String(),
            r.OptionalString(),
            r.Enum<PlaceKind>(),
            factory.CreatePoint(ReadCoordinate(r)),
            r.List(() => new Dwell(r.Enum<DwellKind>(), r.Range())),
            r.Strings(),
            r.String())
        {
            OffMaritimeReason = r.OptionalString(),
        };

    private static void WriteLink(SnapshotWriter w, Link l)
    {
        w.String(l.Id.Value);
        w.String(l.From.Value);
        w.String(l.To.Value);
        w.Enum(l.Mode);
        w.Optional(l.GaugeMm, w.Int);
        w.Double(l.DistanceKm.Value);
        w.Provenance(l.DistanceKm.Provenance);
        w.Optional(l.SpeedKmh, w.Range);
        w.Optional(l.DurationHours, w.Range);
        w.List(l.Geometry.Coordinates, c => WriteCoordinate(w, c));
        w.Strings(l.Countries);
        w.OptionalString(l.Operator);
        w.Enum(l.Status);
        w.Optional(l.Opens, d => WriteDateFigure(w, d));
        w.Optional(l.Closes, d => WriteDateFigure(w, d));
        w.List(l.Corridors, id => w.String(id.Value));
        w.Optional(l.Capacity, c =>
        {
            w.Double(c.Value);
            w.String(c.Unit);
            w.Provenance(c.Provenance);
        });
        w.Strings(l.SourceIds);
        w.Bool(l.OneWay);
        w.String(l.File);
        w.Optional(l.Traction, t =>
        {
            w.Enum(t.Kind);
            w.Optional(t.ElectrifiedFrom, d => WriteDateFigure(w, d));
            w.Strings(t.SourceIds);
        });
    }

    private static Link ReadLink(SnapshotReader r, GeometryFactory factory) =>
        new(
            new LinkId(r.String()),
            new PlaceId(r.String()),
            new PlaceId(r.String()),
            r.Enum<TransportMode>(),
            r.OptionalValue(r.Int),
            new ValueFigure(r.Double(), r.Provenance()),
            r.Optional(r.Range),
            r.Optional(r.Range),
            factory.CreateLineString([.. r.List(() => ReadCoordinate(r))]),
            r.Strings(),
            r.OptionalString(),
            r.Enum<LinkStatus>(),
            r.Optional(() => ReadDateFigure(r)),
            r.Optional(() => ReadDateFigure(r)),
            r.List(() => new CorridorId(r.String())),
            r.Optional(() => new CapacityFigure(r.Double(), r.String(), r.Provenance())),
            r.Strings(),
            r.Bool(),
            r.String())
        {
            Traction = r.Optional(() => new LinkTraction(r.Enum<TractionKind>(), r.Optional(() => ReadDateFigure(r)), r.Strings())),
        };

    private static void WriteCoordinate(SnapshotWriter w, Coordinate c)
    {
        w.Double(c.X);
        w.Double(c.Y);
    }

    private static Coordinate ReadCoordinate(SnapshotReader r) => new(r.Double(), r.Double());

    private static void WriteDateFigure(SnapshotWriter w, DateFigure d)
    {
        w.Date(d.Date);
        w.Provenance(d.Provenance);
    }

    private static DateFigure ReadDateFigure(SnapshotReader r) => new(r.Date(), r.Provenance());
}
