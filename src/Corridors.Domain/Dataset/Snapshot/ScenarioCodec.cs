using Corridors.Domain.Network;
using Corridors.Domain.Risk;
using Corridors.Domain.Scenarios;

namespace Corridors.Domain.Dataset.Snapshot;

/// <summary>The shipped scenarios in a snapshot: each change as a tag and its fields.</summary>
internal static class ScenarioCodec
{
    private const int ClosePlaceTag = 0;
    private const int CloseLinkTag = 1;
    private const int SetDwellTag = 2;
    private const int SetLinkSpeedTag = 3;
    private const int OpenLinkTag = 4;
    private const int LiftMeasureTag = 5;
    private const int RedateMeasureTag = 6;
    private const int AddMeasureTag = 7;

    public static void Write(SnapshotWriter w, IReadOnlyList<Scenario> scenarios, SanctionsCatalog sanctions) =>
        w.List(scenarios, s =>
        {
            w.String(s.Id);
            w.String(s.Name);
            w.String(s.Description);
            w.List(s.Changes, c => WriteChange(w, c, sanctions));
            w.Strings(s.SourceIds);
        });

    public static List<Scenario> Read(SnapshotReader r, SanctionsCatalog sanctions) =>
        r.List(() => new Scenario(r.String(), r.String(), r.String(), r.List(() => ReadChange(r, sanctions)), r.Strings()));

    private static void WriteChange(SnapshotWriter w, ScenarioChange change, SanctionsCatalog sanctions)
    {
        switch (change)
        {
            case ClosePlace c:
                w.Int(ClosePlaceTag);
                w.String(c.Place.Value);
                WriteRange(w, c.When);
                break;
            case CloseLink c:
                w.Int(CloseLinkTag);
                w.String(c.Link.Value);
                WriteRange(w, c.When);
                break;
            case SetDwell c:
                w.Int(SetDwellTag);
                w.String(c.Place.Value);
                w.Enum(c.Kind);
                w.Range(c.Hours);
                break;
            case SetLinkSpeed c:
                w.Int(SetLinkSpeedTag);
                w.String(c.Link.Value);
                w.Range(c.SpeedKmh);
                break;
            case OpenLink c:
                w.Int(OpenLinkTag);
                w.String(c.Link.Value);
                w.OptionalDate(c.Opens);
                break;
            case LiftMeasure c:
                w.Int(LiftMeasureTag);
                w.String(c.MeasureId);
                w.OptionalDate(c.From);
                break;
            case RedateMeasure c:
                w.Int(RedateMeasureTag);
                w.String(c.MeasureId);
                w.Date(c.EffectiveFrom);
                w.OptionalDate(c.EffectiveTo);
                break;
            case AddMeasure c:
                w.Int(AddMeasureTag);
                RiskCodec.WriteMeasure(w, c.Measure, sanctions.Operators);
                break;
            default:
                // A new kind of change needs its own tag here; until then the dataset is not snapshotted.
                throw new NotSupportedException($"A {change.GetType().Name} cannot be written to a snapshot.");
        }
    }

    private static ScenarioChange ReadChange(SnapshotReader r, SanctionsCatalog sanctions)
    {
        int tag = r.Int();
        return tag switch
        {
            ClosePlaceTag => new ClosePlace(new PlaceId(r.String()), ReadRange(r)),
            CloseLinkTag => new CloseLink(new LinkId(r.String()), ReadRange(r)),
            SetDwellTag => new SetDwell(new PlaceId(r.String()), r.Enum<DwellKind>(), r.Range()),
            SetLinkSpeedTag => new SetLinkSpeed(new LinkId(r.String()), r.Range()),
            OpenLinkTag => new OpenLink(new LinkId(r.String()), r.OptionalDate()),
            LiftMeasureTag => new LiftMeasure(r.String(), r.OptionalDate()),
            RedateMeasureTag => new RedateMeasure(r.String(), r.Date(), r.OptionalDate()),
            AddMeasureTag => new AddMeasure(RiskCodec.ReadMeasure(r, sanctions.Operators)),
            _ => throw new InvalidDataException($"scenario change tag {tag} is unknown"),
        };
    }

    private static void WriteRange(SnapshotWriter w, DateRange range)
    {
        w.OptionalDate(range.From);
        w.OptionalDate(range.To);
    }

    private static DateRange ReadRange(SnapshotReader r) => new(r.OptionalDate(), r.OptionalDate());
}
