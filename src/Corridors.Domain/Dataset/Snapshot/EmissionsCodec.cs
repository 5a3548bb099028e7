using Corridors.Domain.Emissions;
using Corridors.Domain.Network;

namespace Corridors.Domain.Dataset.Snapshot;

/// <summary>The emission factors in a snapshot: the default payload, then one factor per mode in mode order.</summary>
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
            w.Enum(f.Mode);
            w.Double(f.Value);
            w.Enum(f.Unit);
            w.Enum(f.Basis);
            w.String(f.Year);
            w.Bool(f.IsStandIn);
            w.Strings(f.SourceIds);
            w.String(f.Note);
        });
    }

    public static EmissionFactorSet Read(SnapshotReader r)
    {
        var payload = new Payload(r.String(), r.Double(), r.Double(), r.Strings());
        List<EmissionFactor> factors = r.List(() => new EmissionFactor(
            r.Enum<TransportMode>(), r.Double(), r.Enum<EmissionUnit>(), r.Enum<EmissionBasis>(), r.String(), r.Bool(), r.Strings(), r.String()));
        try
        {
            return new EmissionFactorSet(payload, factors);
        }
        catch (ArgumentException e)
        {
            // A factor missing for a mode (or a mode twice) cannot come from a loaded dataset.
            throw new InvalidDataException($"emission factors: {e.Message}", e);
        }
    }
}
