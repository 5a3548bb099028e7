using Corridors.Domain.Network;

namespace Corridors.Domain.Risk;

/// <summary>
/// The measures that apply to one shipment (perspective, origin country, destination country) and how each touches
/// a link or a place. Shared by the route assessment and the routing cost so that both count exactly the same;
/// immutable, so the assessor keeps one per shipment for every query.
/// </summary>
internal sealed class ExposureModel
{
    private readonly SanctionsCatalog _catalog;

    public ExposureModel(SanctionsCatalog catalog, Perspective perspective, string originCountry, string destinationCountry)
    {
        _catalog = catalog;
        IReadOnlySet<string> lists = catalog.GoodsListsOf(perspective.HsCode);
        var applicable = new List<Measure>();
        var indices = new List<int>();
        for (int i = 0; i < catalog.Measures.Count; i++)
        {
            Measure m = catalog.Measures[i];
            if (m.IsInForceOn(perspective.AsOf)
                && m.Reaches(perspective.Regimes)
                && (m.CargoClasses.Contains(perspective.Cargo) || m.GoodsLists.Overlaps(lists))
                && DirectionHolds(m, originCountry, destinationCountry))
            {
                applicable.Add(m);
                indices.Add(i);
            }
        }

        Applicable = applicable;
        ApplicableIndices = indices;
    }

    /// <summary>A model for where measures touch links and places only (<see cref="MeasureFootprints"/>): none applies.</summary>
    public ExposureModel(SanctionsCatalog catalog)
    {
        _catalog = catalog;
        Applicable = [];
        ApplicableIndices = [];
    }

    /// <summary>Applicable measures, ordered by id.</summary>
    public IReadOnlyList<Measure> Applicable { get; }

    /// <summary>The index in the catalog's <see cref="SanctionsCatalog.Measures"/> of each applicable measure, same order.</summary>
    public IReadOnlyList<int> ApplicableIndices { get; }

    /// <summary>Exposure points per 1000 km at a severity: 2^(severity − 1) (assumption A-SAN-SCORE).</summary>
    public static double WeightPer1000Km(int severity) => Math.Pow(2, severity - 1);

    public static double Points(Measure measure, double km) => WeightPer1000Km(measure.Severity) * km / 1000.0;

    /// <summary>
    /// Km of the link inside the measure's target, or null when the measure does not touch it. A carrier ban
    /// applies where the regime bans those carriers — on its own territory (the EU bans Russian and Belarusian road
    /// hauliers on EU roads) — so it touches links of that mode in the regime's territory.
    /// </summary>
    public double? TouchedKm(Measure measure, Link link)
    {
        if (!measure.Modes.Contains(link.Mode))
        {
            return null;
        }

        double km = link.DistanceKm.Value;
        switch (measure.Target)
        {
            case CountryTarget country:
                return link.Countries.Contains(country.CountryCode) ? km / link.Countries.Count : null;
            case OperatorTarget { Operator.Role: OperatorRole.Infrastructure } op:
                return string.Equals(link.Operator, op.Operator.Name, StringComparison.Ordinal) ? km : null;
            case OperatorTarget op:
                return op.Operator.Modes.Contains(link.Mode) ? ShareIn(link, op.Operator.Countries) : null;
            case CarrierTarget carrier:
                return carrier.Mode == link.Mode ? ShareIn(link, _catalog.TerritoryOf(measure.Regime)) : null;
            default:
                return null;
        }
    }

    /// <summary>The km-equivalent a place adds (place targets only; A-SAN-PLACE-KM), or null when not a target.</summary>
    public static double? PlaceKm(Measure measure, Place place) =>
        measure.Target is PlaceTarget target && target.Place == place.Id ? SanctionRiskAssessor.PlaceTouchKmEquivalent : null;

    /// <summary>Whether a place is reported as touched (a place target, or a place in a country target).</summary>
    public static bool PlaceTouched(Measure measure, Place place) => measure.Target switch
    {
        PlaceTarget target => target.Place == place.Id,
        CountryTarget country => place.CountryCode == country.CountryCode,
        _ => false,
    };

    private bool DirectionHolds(Measure m, string origin, string destination)
    {
        string? target = (m.Target as CountryTarget)?.CountryCode;
        if (m.Kind == MeasureKind.TransitBan && target is not null && (origin == target || destination == target))
        {
            return false; // a transit ban concerns goods passing through the country, not goods bound for or from it
        }

        return m.Direction switch
        {
            TradeDirection.Any => true,
            TradeDirection.ExportFromRegime => _catalog.TerritoryOf(m.Regime).Contains(origin),
            TradeDirection.ImportToRegime => _catalog.TerritoryOf(m.Regime).Contains(destination),
            TradeDirection.FromTarget => origin == target,
            TradeDirection.ToTarget => destination == target,
            TradeDirection.ToOrFromTarget => origin == target || destination == target,
            _ => throw new InvalidOperationException($"Unknown direction {m.Direction}."),
        };
    }

    private static double? ShareIn(Link link, IReadOnlyList<string> countries)
    {
        int inside = link.Countries.Count(countries.Contains);
        return inside == 0 ? null : link.DistanceKm.Value * inside / link.Countries.Count;
    }
}
