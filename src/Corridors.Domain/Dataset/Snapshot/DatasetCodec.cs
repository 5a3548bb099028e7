using NetTopologySuite.Geometries;

namespace Corridors.Domain.Dataset.Snapshot;

/// <summary>A whole <see cref="CorridorDataset"/> as the snapshot's payload bytes, and back.</summary>
internal static class DatasetCodec
{
    /// <exception cref="NotSupportedException">The dataset holds a kind of value the snapshot cannot carry yet.</exception>
    public static byte[] Encode(CorridorDataset dataset)
    {
        using var stream = new MemoryStream();
        using var w = new SnapshotWriter(stream);
        NetworkCodec.Write(w, dataset.Network);
        RiskCodec.Write(w, dataset.Sanctions);
        EmissionsCodec.Write(w, dataset.EmissionFactors);
        ScenarioCodec.Write(w, dataset.Scenarios, dataset.Sanctions);
        CapacityCodec.Write(w, dataset.Capacities);
        w.Flush();
        return stream.ToArray();
    }

    /// <exception cref="InvalidDataException">The bytes are not a payload <see cref="Encode"/> wrote.</exception>
    /// <exception cref="EndOfStreamException">The bytes end early.</exception>
    public static CorridorDataset Decode(byte[] payload, GeometryFactory factory)
    {
        using var stream = new MemoryStream(payload, writable: false);
        using var r = new SnapshotReader(stream);
        var network = NetworkCodec.Read(r, factory);
        var sanctions = RiskCodec.Read(r);
        var factors = EmissionsCodec.Read(r);
        var scenarios = ScenarioCodec.Read(r, sanctions);
        var capacities = CapacityCodec.Read(r);
        return r.AtEnd
            ? new CorridorDataset(network, sanctions, factors, scenarios) { Capacities = capacities }
            : throw new InvalidDataException($"{stream.Length - stream.Position} bytes left after the dataset");
    }
}
