using Corridors.Domain.Network;
using Corridors.Domain.Risk;

namespace Corridors.Domain.Dataset.Snapshot;

/// <summary>
/// The sanctions catalogue in a snapshot. A measure aimed at an operator refers to it by its place in
/// <see cref="SanctionsCatalog.Operators"/>, so the rebuilt measure shares the catalogue's operator as the loaded one does.
/// </summary>
internal static class RiskCodec
{
    private const int CountryTag = 0;
    private const int OperatorTag = 1;
    private const int PlaceTag = 2;
    private const int CarrierTag = 3;

    /// <summary>An operator target whose operator is not in the catalogue (none in loaded data) is written whole.</summary>
    private const int InlineOperator = -1;

    public static void Write(SnapshotWriter w, SanctionsCatalog catalog)
    {
        w.Date(catalog.Coverage.From);
        w.Date(catalog.Coverage.ReviewedOn);
        w.Date(catalog.Coverage.FreshUntil);
        w.List(catalog.Regimes, g =>
        {
            w.Enum(g.Id);
            w.String(g.Name);
            w.Strings(g.Territory);
            w.Strings(g.SourceIds);
        });
        w.List(catalog.Operators, o => WriteOperator(w, o));
        w.List(catalog.Measures, m => WriteMeasure(w, m, catalog.Operators));
        w.List(catalog.GoodsLists, g =>
        {
            w.String(g.Id);
            w.String(g.Title);
            w.Strings(g.Codes);
            w.Strings(g.SourceIds);
        });
    }

    public static SanctionsCatalog Read(SnapshotReader r)
    {
        var coverage = new DataCoverage(r.Date(), r.Date(), r.Date());
        List<RegimeInfo> regimes = r.List(() => new RegimeInfo(r.Enum<Regime>(), r.String(), r.Strings(), r.Strings()));
        List<SanctionedOperator> operators = r.List(() => ReadOperator(r));
        List<Measure> measures = r.List(() => ReadMeasure(r, operators));
        List<GoodsList> goodsLists = r.List(() => new GoodsList(r.String(), r.String(), r.Strings(), r.Strings()));
        return new SanctionsCatalog(coverage, regimes, operators, measures, goodsLists);
    }

    public static void WriteMeasure(SnapshotWriter w, Measure m, IReadOnlyList<SanctionedOperator> operators)
    {
        w.String(m.Id);
        w.Enum(m.Regime);
        w.String(m.Title);
        WriteTarget(w, m.Target, operators);
        w.Enum(m.Kind);
        w.List(m.Modes, w.Enum);
        w.List(m.CargoClasses, w.Enum);
        w.Enum(m.Direction);
        w.Date(m.EffectiveFrom);
        w.OptionalDate(m.EffectiveTo);
        w.Int(m.Severity);
        w.Bool(m.Prohibits);
        w.Strings(m.SourceIds);
        w.Optional(m.Licence, l =>
        {
            w.String(l.Authority);
            w.String(l.Type);
        });
        w.Strings(m.GoodsLists);
        w.OptionalString(m.Act);
        w.OptionalString(m.Articles);
    }

    public static Measure ReadMeasure(SnapshotReader r, IReadOnlyList<SanctionedOperator> operators) =>
        new(
            r.String(),
            r.Enum<Regime>(),
            r.String(),
            ReadTarget(r, operators),
            r.Enum<MeasureKind>(),
            r.EnumSet<TransportMode>(),
            r.EnumSet<CargoClass>(),
            r.Enum<TradeDirection>(),
            r.Date(),
            r.OptionalDate(),
            r.Int(),
            r.Bool(),
            r.Strings())
        {
            Licence = r.Optional(() => new Licence(r.String(), r.String())),
            GoodsLists = new HashSet<string>(r.Strings(), StringComparer.Ordinal),
            Act = r.OptionalString(),
            Articles = r.OptionalString(),
        };

    private static void WriteOperator(SnapshotWriter w, SanctionedOperator o)
    {
        w.String(o.Name);
        w.Enum(o.Role);
        w.String(o.Description);
        w.Strings(o.Countries);
        w.List(o.Modes, w.Enum);
        w.Strings(o.SourceIds);
    }

    private static SanctionedOperator ReadOperator(SnapshotReader r) =>
        new(r.String(), r.Enum<OperatorRole>(), r.String(), r.Strings(), r.EnumSet<TransportMode>(), r.Strings());

    private static void WriteTarget(SnapshotWriter w, MeasureTarget target, IReadOnlyList<SanctionedOperator> operators)
    {
        switch (target)
        {
            case CountryTarget country:
                w.Int(CountryTag);
                w.String(country.CountryCode);
                break;
            case OperatorTarget op:
                w.Int(OperatorTag);
                int index = IndexOf(operators, op.Operator);
                w.Int(index);
                if (index == InlineOperator)
                {
                    WriteOperator(w, op.Operator);
                }

                break;
            case PlaceTarget place:
                w.Int(PlaceTag);
                w.String(place.Place.Value);
                break;
            case CarrierTarget carrier:
                w.Int(CarrierTag);
                w.Enum(carrier.Mode);
                w.Strings(carrier.RegisteredIn);
                break;
            default:
                // A new kind of target needs its own tag here; until then the dataset is not snapshotted.
                throw new NotSupportedException($"A {target.GetType().Name} cannot be written to a snapshot.");
        }
    }

    private static MeasureTarget ReadTarget(SnapshotReader r, IReadOnlyList<SanctionedOperator> operators)
    {
        int tag = r.Int();
        switch (tag)
        {
            case CountryTag:
                return new CountryTarget(r.String());
            case OperatorTag:
                int index = r.Int();
                if (index == InlineOperator)
                {
                    return new OperatorTarget(ReadOperator(r));
                }

                return index >= 0 && index < operators.Count
                    ? new OperatorTarget(operators[index])
                    : throw new InvalidDataException($"operator {index} is not in the catalogue of {operators.Count}");
            case PlaceTag:
                return new PlaceTarget(new PlaceId(r.String()));
            case CarrierTag:
                return new CarrierTarget(r.Enum<TransportMode>(), r.Strings());
            default:
                throw new InvalidDataException($"measure target tag {tag} is unknown");
        }
    }

    private static int IndexOf(IReadOnlyList<SanctionedOperator> operators, SanctionedOperator wanted)
    {
        for (int i = 0; i < operators.Count; i++)
        {
            if (ReferenceEquals(operators[i], wanted))
            {
                return i;
            }
        }

        return InlineOperator;
    }
}
