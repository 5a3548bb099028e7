using System.Buffers;
using Corridors.Application.Mapping;
using Corridors.Contracts.V1;
using Google.Protobuf;
using Grpc.Core;

namespace Corridors.Server.Services;

/// <summary>
/// Writes a <see cref="CompareCorridorsResponse"/> to exactly the bytes Google.Protobuf writes, but copies the bytes of
/// the route legs, hub and factor figures and route lines the application layer shares between answers
/// (<see cref="SharedMessages"/>) instead of encoding them again.
/// <para>
/// A leg or hub with its default-payload CO2e, an emission factor and a route's line are each one message (or string)
/// shared by every answer that uses it and never modified, so it is encoded once for its life. Legs are half of a full answer's bytes, and
/// Google.Protobuf, which does not remember sizes, measures each nested message once per enclosing message before
/// writing it: that was a third of the server's time on an uncached call. Messages written for one answer (another
/// payload's legs and hubs, a masked copy) and everything else are written by Google.Protobuf itself, field by field, in
/// field-number order, as the generated code does.
/// </para>
/// <para>
/// The three messages written here by hand are checked against their descriptors by the tests: a field added to
/// <c>CompareCorridorsResponse</c>, <c>CorridorComparison</c> or <c>RouteCo2e</c> fails them until it is written here
/// too.
/// </para>
/// </summary>
internal static class ComparisonEncoder
{
    /// <summary>Field numbers of the three messages this class writes by hand, as the tests check them against the descriptors.</summary>
    public static readonly IReadOnlyList<int> ResponseFields = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

    public static readonly IReadOnlyList<int> ComparisonFields = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18];

    public static readonly IReadOnlyList<int> Co2eFields = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

    private static readonly FieldCodec<CorridorDelta> Deltas = FieldCodec.ForMessage(Tag(9), CorridorDelta.Parser);
    private static readonly FieldCodec<CountryKm> Countries = FieldCodec.ForMessage(Tag(9), CountryKm.Parser);
    private static readonly FieldCodec<Infeasibility> Reasons = FieldCodec.ForMessage(Tag(14), Infeasibility.Parser);
    private static readonly FieldCodec<string> Notes = FieldCodec.ForString(Tag(17));
    private static readonly FieldCodec<string> Co2eNotes = FieldCodec.ForString(Tag(10));

    /// <summary>
    /// Encodes <paramref name="response"/> as the payload of <paramref name="context"/>, straight into the transport's
    /// buffer, and completes it.
    /// </summary>
    public static void Write(CompareCorridorsResponse response, SerializationContext context)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(context);
        int count = 2 * (response.Comparisons.Count + response.BaselineComparisons.Count); // each comparison's size, its CO2e's
        int[] sizes = ArrayPool<int>.Shared.Rent(count);
        try
        {
            int size = ResponseSize(response, sizes);
            context.SetPayloadLength(size);
            var output = new CountingWriter(context.GetBufferWriter());
            new Body(response, sizes).WriteTo(output);
            if (output.Written != size)
            {
                throw new InvalidOperationException($"CompareCorridorsResponse measured {size} bytes but wrote {output.Written}.");
            }

            context.Complete();
        }
        finally
        {
            ArrayPool<int>.Shared.Return(sizes);
        }
    }

    /// <summary>A nested message's size with its length: its kept bytes' when shared, else measured.</summary>
    private static int NestedSize(IMessage message) =>
        SharedMessages.Encoded(message) is { } bytes ? CodedOutputStream.ComputeBytesSize(bytes) : CodedOutputStream.ComputeMessageSize(message);

    /// <summary>A nested message with its length (after its tag): its kept bytes when shared, else encoded.</summary>
    private static void WriteNested(ref WriteContext output, IMessage message)
    {
        if (!TryWriteKept(ref output, SharedMessages.Encoded(message)))
        {
            output.WriteMessage(message);
        }
    }

    /// <summary>A string field's size with its length: its kept UTF-8 bytes' when shared, else measured.</summary>
    private static int TextSize(string text) =>
        SharedMessages.EncodedText(text) is { } bytes ? CodedOutputStream.ComputeBytesSize(bytes) : CodedOutputStream.ComputeStringSize(text);

    /// <summary>A string with its length (after its tag): its kept UTF-8 bytes when shared, else encoded.</summary>
    private static void WriteText(ref WriteContext output, string text)
    {
        if (!TryWriteKept(ref output, SharedMessages.EncodedText(text)))
        {
            output.WriteString(text);
        }
    }

    /// <summary>
    /// Writes kept bytes with their length, which is what WriteMessage or WriteString writes for the message or string
    /// they were encoded from; false (nothing written) when there are none.
    /// </summary>
    private static bool TryWriteKept(ref WriteContext output, ByteString? kept)
    {
        if (kept is null)
        {
            return false;
        }

        output.WriteBytes(kept);
        return true;
    }

    private static uint Tag(int field) => WireFormat.MakeTag(field, WireFormat.WireType.LengthDelimited);

    private static int LengthDelimited(int tagSize, int length) => tagSize + CodedOutputStream.ComputeLengthSize(length) + length;

    /// <summary>The response's size; each comparison's own size and its CO2e's go to <paramref name="sizes"/>, in writing order.</summary>
    private static int ResponseSize(CompareCorridorsResponse response, Span<int> sizes)
    {
        int size = 0;
        if (response.Origin is not null)
        {
            size += 1 + CodedOutputStream.ComputeMessageSize(response.Origin);
        }

        if (response.Destination is not null)
        {
            size += 1 + CodedOutputStream.ComputeMessageSize(response.Destination);
        }

        if (response.AsOf.Length != 0)
        {
            size += 1 + CodedOutputStream.ComputeStringSize(response.AsOf);
        }

        int next = 0;
        foreach (CorridorComparison comparison in response.Comparisons)
        {
            sizes[next] = ComparisonSize(comparison, out sizes[next + 1]);
            size += LengthDelimited(1, sizes[next]);
            next += 2;
        }

        if (response.Objective != Objective.Unspecified)
        {
            size += 1 + CodedOutputStream.ComputeEnumSize((int)response.Objective);
        }

        if (response.ScenarioId.Length != 0)
        {
            size += 1 + CodedOutputStream.ComputeStringSize(response.ScenarioId);
        }

        if (response.ScenarioVersion != 0L)
        {
            size += 1 + CodedOutputStream.ComputeInt64Size(response.ScenarioVersion);
        }

        foreach (CorridorComparison comparison in response.BaselineComparisons)
        {
            sizes[next] = ComparisonSize(comparison, out sizes[next + 1]);
            size += LengthDelimited(1, sizes[next]);
            next += 2;
        }

        size += response.Deltas.CalculateSize(Deltas);
        if (response.DataFreshness is not null)
        {
            size += 1 + CodedOutputStream.ComputeMessageSize(response.DataFreshness);
        }

        return size;
    }

    private static void WriteResponse(ref WriteContext output, CompareCorridorsResponse response, ReadOnlySpan<int> sizes)
    {
        if (response.Origin is not null)
        {
            output.WriteRawTag(10);
            output.WriteMessage(response.Origin);
        }

        if (response.Destination is not null)
        {
            output.WriteRawTag(18);
            output.WriteMessage(response.Destination);
        }

        if (response.AsOf.Length != 0)
        {
            output.WriteRawTag(26);
            output.WriteString(response.AsOf);
        }

        int next = 0;
        foreach (CorridorComparison comparison in response.Comparisons)
        {
            output.WriteRawTag(34);
            output.WriteLength(sizes[next]);
            WriteComparison(ref output, comparison, sizes[next + 1]);
            next += 2;
        }

        if (response.Objective != Objective.Unspecified)
        {
            output.WriteRawTag(40);
            output.WriteEnum((int)response.Objective);
        }

        if (response.ScenarioId.Length != 0)
        {
            output.WriteRawTag(50);
            output.WriteString(response.ScenarioId);
        }

        if (response.ScenarioVersion != 0L)
        {
            output.WriteRawTag(56);
            output.WriteInt64(response.ScenarioVersion);
        }

        foreach (CorridorComparison comparison in response.BaselineComparisons)
        {
            output.WriteRawTag(66);
            output.WriteLength(sizes[next]);
            WriteComparison(ref output, comparison, sizes[next + 1]);
            next += 2;
        }

        response.Deltas.WriteTo(ref output, Deltas);
        if (response.DataFreshness is not null)
        {
            output.WriteRawTag(82);
            output.WriteMessage(response.DataFreshness);
        }
    }

    private static int ComparisonSize(CorridorComparison comparison, out int co2eSize)
    {
        int size = 0;
        co2eSize = 0;
        if (comparison.CorridorId.Length != 0)
        {
            size += 1 + CodedOutputStream.ComputeStringSize(comparison.CorridorId);
        }

        if (comparison.CorridorName.Length != 0)
        {
            size += 1 + CodedOutputStream.ComputeStringSize(comparison.CorridorName);
        }

        if (comparison.Outcome != RouteOutcome.Unspecified)
        {
            size += 1 + CodedOutputStream.ComputeEnumSize((int)comparison.Outcome);
        }

        if (comparison.DistanceKm != 0D)
        {
            size += 1 + 8;
        }

        if (comparison.TransitDays is not null)
        {
            size += 1 + CodedOutputStream.ComputeMessageSize(comparison.TransitDays);
        }

        if (comparison.BorderCrossings != 0)
        {
            size += 1 + CodedOutputStream.ComputeInt32Size(comparison.BorderCrossings);
        }

        if (comparison.GaugeBreaks != 0)
        {
            size += 1 + CodedOutputStream.ComputeInt32Size(comparison.GaugeBreaks);
        }

        if (comparison.ModeKm is not null)
        {
            size += 1 + CodedOutputStream.ComputeMessageSize(comparison.ModeKm);
        }

        size += comparison.Countries.CalculateSize(Countries);
        foreach (RouteLeg leg in comparison.Legs)
        {
            size += 1 + NestedSize(leg);
        }

        if (comparison.SanctionRisk is not null)
        {
            size += 1 + CodedOutputStream.ComputeMessageSize(comparison.SanctionRisk);
        }

        if (comparison.HasCo2EKg)
        {
            size += 1 + 8;
        }

        if (comparison.Explanation.Length != 0)
        {
            size += 1 + CodedOutputStream.ComputeStringSize(comparison.Explanation);
        }

        size += comparison.Reasons.CalculateSize(Reasons);
        if (comparison.HasOpensOn)
        {
            size += 1 + CodedOutputStream.ComputeStringSize(comparison.OpensOn);
        }

        if (comparison.GeometryGeojson.Length != 0)
        {
            size += 2 + TextSize(comparison.GeometryGeojson);
        }

        size += comparison.Notes.CalculateSize(Notes);
        if (comparison.Co2E is not null)
        {
            co2eSize = Co2eSize(comparison.Co2E);
            size += LengthDelimited(2, co2eSize);
        }

        return size;
    }

    private static void WriteComparison(ref WriteContext output, CorridorComparison comparison, int co2eSize)
    {
        if (comparison.CorridorId.Length != 0)
        {
            output.WriteRawTag(10);
            output.WriteString(comparison.CorridorId);
        }

        if (comparison.CorridorName.Length != 0)
        {
            output.WriteRawTag(18);
            output.WriteString(comparison.CorridorName);
        }

        if (comparison.Outcome != RouteOutcome.Unspecified)
        {
            output.WriteRawTag(24);
            output.WriteEnum((int)comparison.Outcome);
        }

        if (comparison.DistanceKm != 0D)
        {
            output.WriteRawTag(33);
            output.WriteDouble(comparison.DistanceKm);
        }

        if (comparison.TransitDays is not null)
        {
            output.WriteRawTag(42);
            output.WriteMessage(comparison.TransitDays);
        }

        if (comparison.BorderCrossings != 0)
        {
            output.WriteRawTag(48);
            output.WriteInt32(comparison.BorderCrossings);
        }

        if (comparison.GaugeBreaks != 0)
        {
            output.WriteRawTag(56);
            output.WriteInt32(comparison.GaugeBreaks);
        }

        if (comparison.ModeKm is not null)
        {
            output.WriteRawTag(66);
            output.WriteMessage(comparison.ModeKm);
        }

        comparison.Countries.WriteTo(ref output, Countries);
        foreach (RouteLeg leg in comparison.Legs)
        {
            output.WriteRawTag(82);
            WriteNested(ref output, leg);
        }

        if (comparison.SanctionRisk is not null)
        {
            output.WriteRawTag(90);
            output.WriteMessage(comparison.SanctionRisk);
        }

        if (comparison.HasCo2EKg)
        {
            output.WriteRawTag(97);
            output.WriteDouble(comparison.Co2EKg);
        }

        if (comparison.Explanation.Length != 0)
        {
            output.WriteRawTag(106);
            output.WriteString(comparison.Explanation);
        }

        comparison.Reasons.WriteTo(ref output, Reasons);
        if (comparison.HasOpensOn)
        {
            output.WriteRawTag(122);
            output.WriteString(comparison.OpensOn);
        }

        if (comparison.GeometryGeojson.Length != 0)
        {
            output.WriteRawTag(130, 1);
            WriteText(ref output, comparison.GeometryGeojson);
        }

        comparison.Notes.WriteTo(ref output, Notes);
        if (comparison.Co2E is not null)
        {
            output.WriteRawTag(146, 1);
            output.WriteLength(co2eSize);
            WriteCo2e(ref output, comparison.Co2E);
        }
    }

    private static int Co2eSize(RouteCo2e co2e)
    {
        int size = 0;
        size += co2e.WtwKg != 0D ? 1 + 8 : 0;
        size += co2e.TtwKg != 0D ? 1 + 8 : 0;
        if (co2e.Basis != Co2eBasis.Unspecified)
        {
            size += 1 + CodedOutputStream.ComputeEnumSize((int)co2e.Basis);
        }

        size += co2e.LineHaulWtwKg != 0D ? 1 + 8 : 0;
        size += co2e.HubWtwKg != 0D ? 1 + 8 : 0;
        foreach (HubCo2e hub in co2e.Hubs)
        {
            size += 1 + NestedSize(hub);
        }

        foreach (Co2eFactor factor in co2e.Factors)
        {
            size += 1 + NestedSize(factor);
        }

        size += co2e.UsesStandIns ? 1 + 1 : 0;
        if (co2e.GridYear != 0)
        {
            size += 1 + CodedOutputStream.ComputeInt32Size(co2e.GridYear);
        }

        return size + co2e.Notes.CalculateSize(Co2eNotes);
    }

    private static void WriteCo2e(ref WriteContext output, RouteCo2e co2e)
    {
        if (co2e.WtwKg != 0D)
        {
            output.WriteRawTag(9);
            output.WriteDouble(co2e.WtwKg);
        }

        if (co2e.TtwKg != 0D)
        {
            output.WriteRawTag(17);
            output.WriteDouble(co2e.TtwKg);
        }

        if (co2e.Basis != Co2eBasis.Unspecified)
        {
            output.WriteRawTag(24);
            output.WriteEnum((int)co2e.Basis);
        }

        if (co2e.LineHaulWtwKg != 0D)
        {
            output.WriteRawTag(33);
            output.WriteDouble(co2e.LineHaulWtwKg);
        }

        if (co2e.HubWtwKg != 0D)
        {
            output.WriteRawTag(41);
            output.WriteDouble(co2e.HubWtwKg);
        }

        foreach (HubCo2e hub in co2e.Hubs)
        {
            output.WriteRawTag(50);
            WriteNested(ref output, hub);
        }

        foreach (Co2eFactor factor in co2e.Factors)
        {
            output.WriteRawTag(58);
            WriteNested(ref output, factor);
        }

        if (co2e.UsesStandIns)
        {
            output.WriteRawTag(64);
            output.WriteBool(true);
        }

        if (co2e.GridYear != 0)
        {
            output.WriteRawTag(72);
            output.WriteInt32(co2e.GridYear);
        }

        co2e.Notes.WriteTo(ref output, Co2eNotes);
    }

    /// <summary>
    /// The response as a message Google.Protobuf writes to a buffer writer (<see cref="MessageExtensions.WriteTo(IMessage, IBufferWriter{byte})"/>
    /// hands <see cref="IBufferMessage"/>s its write context): only writing is implemented.
    /// </summary>
    private sealed class Body(CompareCorridorsResponse response, int[] sizes) : IBufferMessage
    {
        public Google.Protobuf.Reflection.MessageDescriptor Descriptor => CompareCorridorsResponse.Descriptor;

        public void InternalWriteTo(ref WriteContext ctx) => WriteResponse(ref ctx, response, sizes);

        public void InternalMergeFrom(ref ParseContext ctx) => throw new NotSupportedException("The encoder only writes.");

        public void MergeFrom(CodedInputStream input) => throw new NotSupportedException("The encoder only writes.");

        public void WriteTo(CodedOutputStream output) => throw new NotSupportedException("Written through a buffer writer only.");

        public int CalculateSize() => throw new NotSupportedException("Measured by the encoder.");
    }

    /// <summary>The transport's buffer writer, counting the bytes written to it.</summary>
    private sealed class CountingWriter(IBufferWriter<byte> inner) : IBufferWriter<byte>
    {
        public long Written { get; private set; }

        public void Advance(int count)
        {
            inner.Advance(count);
            Written += count;
        }

        public Memory<byte> GetMemory(int sizeHint = 0) => inner.GetMemory(sizeHint);

        public Span<byte> GetSpan(int sizeHint = 0) => inner.GetSpan(sizeHint);
    }
}
