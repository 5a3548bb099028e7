using Corridors.Domain.Emissions;

namespace Corridors.Domain.Dataset.Snapshot;

/// <summary>The emission factors in a snapshot: the default payload, the factors in use order, the grid, the Cape uplift.</summary>
internal static class EmissionsCodec
{
    public static void Write(SnapshotWriter w, EmissionFactorSet factors)
    {
        Payload payload = factors.DefaultPayload;
        w.String(payload.Description);
        w.Double(payload.CargoTonnes);
        w.Double(payload.Teu);
        w.Strings(payload.SourceIds);
        w.List(factors.Factors, f =>
        {
            w.Enum(f.Use);
            w.Enum(f.Unit);
            w.Enum(f.Basis);
            w.Optional(f.Wtw, w.Double);
            w.Optional(f.Ttw, w.Double);
            w.Optional(f.EnergyKwh, w.Double);
            w.String(f.Year);
            w.Bool(f.IsStandIn);
            w.Strings(f.SourceIds);
            w.String(f.Note);
        });
        GridIntensityTable grid = factors.Grid;
        w.List([.. grid.Series], series =>
        {
            w.String(series.Key);
            w.List([.. series.Value], year =>
            {
                w.Int(year.Key);
                w.Double(year.Value);
            });
        });
        w.Strings(grid.SourceIds);
        w.String(grid.Note);
        w.Double(factors.CapeSpeedUplift.Factor);
        w.Strings(factors.CapeSpeedUplift.SourceIds);
        w.String(factors.CapeSpeedUplift.Note);
    }

    public static EmissionFactorSet Read(SnapshotReader r)
    {
        var payload = new Payload(r.String(), r.Double(), r.Double(), r.Strings());
        List<EmissionFactor> factors = r.List(() => new EmissionFactor(
            r.Enum<FactorUse>(), r.Enum<EmissionUnit>(), r.Enum<EmissionBasis>(),
            r.OptionalValue(r.Double), r.OptionalValue(r.Double), r.OptionalValue(r.Double),
            r.String(), r.Bool(), r.Strings(), r.String()));
        var series = new SortedDictionary<string, IReadOnlyDictionary<int, double>>(StringComparer.Ordinal);
        foreach ((string country, SortedDictionary<int, double> years) in r.List(() => (r.String(), new SortedDictionary<int, double>(r.List(() => KeyValuePair.Create(r.Int(), r.Double())).ToDictionary()))))
        {
            series[country] = years;
        }

        var grid = new GridIntensityTable(series, r.Strings(), r.String());
        var cape = new CapeSpeedUplift(r.Double(), r.Strings(), r.String());
        try
        {
            return new EmissionFactorSet(payload, factors, grid, cape);
        }
        catch (ArgumentException e)
        {
            // A factor missing for a use (or a use twice) cannot come from a loaded dataset.
            throw new InvalidDataException($"emission factors: {e.Message}", e);
        }
    }
}
