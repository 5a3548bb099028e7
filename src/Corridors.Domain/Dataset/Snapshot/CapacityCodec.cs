using Corridors.Domain.Capacity;
using Corridors.Domain.Network;

namespace Corridors.Domain.Dataset.Snapshot;

/// <summary>The capacities in a snapshot: conversions, bottlenecks with their dated periods, default volumes.</summary>
internal static class CapacityCodec
{
    public static void Write(SnapshotWriter w, CapacityCatalog catalog)
    {
        CapacityConversions c = catalog.Conversions;
        foreach (ValueFigure figure in new[] { c.TeuPerTrain, c.CargoTonnesPerTeu, c.OperatingDaysPerYear, c.TeuPerContainer })
        {
            w.Double(figure.Value);
            w.Provenance(figure.Provenance);
        }

        w.List(catalog.Bottlenecks, b =>
        {
            w.String(b.Id);
            w.String(b.Name);
            w.Strings(b.Links.Select(l => l.Value));
            w.Strings(b.Places.Select(p => p.Value));
            w.List(b.Periods, p =>
            {
                WriteDate(w, p.From);
                w.Optional(p.To, to => WriteDate(w, to));
                w.List(p.Published, f =>
                {
                    w.Double(f.Value);
                    w.Enum(f.Unit);
                    w.Provenance(f.Provenance);
                });
                w.Double(p.TeuPerYear);
                w.String(p.TeuPerYearMethod);
                w.String(p.Note);
            });
        });
        DefaultVolumes volumes = catalog.DefaultVolumes;
        w.String(volumes.Description);
        w.Strings(volumes.SourceIds);
        w.List(volumes.Pairs, v =>
        {
            w.String(v.Origin.Value);
            w.String(v.Destination.Value);
            w.Double(v.TeuPerYear);
            w.String(v.Derivation);
        });
    }

    public static CapacityCatalog Read(SnapshotReader r)
    {
        ValueFigure Factor() => new(r.Double(), r.Provenance());
        var conversions = new CapacityConversions(Factor(), Factor(), Factor(), Factor());
        List<Bottleneck> bottlenecks = r.List(() => new Bottleneck(
            r.String(),
            r.String(),
            [.. r.Strings().Select(l => new LinkId(l))],
            [.. r.Strings().Select(p => new PlaceId(p))],
            r.List(() => new CapacityPeriod(
                ReadDate(r),
                r.Optional(() => ReadDate(r)),
                r.List(() => new PublishedCapacity(r.Double(), r.Enum<CapacityUnit>(), r.Provenance())),
                r.Double(),
                r.String(),
                r.String()))));
        var volumes = new DefaultVolumes(r.String(), r.Strings(), r.List(() => new OdVolume(new PlaceId(r.String()), new PlaceId(r.String()), r.Double(), r.String())));
        return new CapacityCatalog(conversions, bottlenecks, volumes);
    }

    private static void WriteDate(SnapshotWriter w, DateFigure figure)
    {
        w.Date(figure.Date);
        w.Provenance(figure.Provenance);
    }

    private static DateFigure ReadDate(SnapshotReader r) => new(r.Date(), r.Provenance());
}
