using System.Collections;
using System.Reflection;
using NetTopologySuite.Geometries;

namespace Corridors.Domain.Tests.Dataset.Snapshot;

/// <summary>
/// An oracle independent of the snapshot codecs: walks every public property of two object graphs (sequences item by
/// item, in order, whatever collection type holds them) and names the first difference. Doubles must match bit for bit; geometries exactly, with their SRID.
/// A field the codecs forgot shows up here as a difference, which a round trip through the codecs alone would not show.
/// </summary>
internal static class DeepEquality
{
    private const int MaxDepth = 24;

    /// <summary>The path of the first difference (e.g. <c>Network.Links[3].Geometry</c>), or null when the graphs are equal.</summary>
    public static string? FirstDifference(object? expected, object? actual) => Compare(expected, actual, "$", 0);

    private static string? Compare(object? expected, object? actual, string path, int depth)
    {
        if (expected is null || actual is null)
        {
            return expected is null && actual is null ? null : $"{path}: {Show(expected)} vs {Show(actual)}";
        }

        if (depth > MaxDepth)
        {
            return $"{path}: deeper than {MaxDepth} levels";
        }

        // A list may be an array on one side and a List on the other: what the contract promises is the items, in order.
        if (expected is IEnumerable sequence and not string && actual is IEnumerable otherSequence and not string)
        {
            return CompareSequences(sequence, otherSequence, path, depth);
        }

        Type type = expected.GetType();
        if (type != actual.GetType())
        {
            return $"{path}: type {type.Name} vs {actual.GetType().Name}";
        }

        switch (expected)
        {
            case double d:
                return BitConverter.DoubleToInt64Bits(d) == BitConverter.DoubleToInt64Bits((double)actual) ? null : $"{path}: {d:R} vs {(double)actual:R}";
            case string or bool or int or long or decimal or Enum or DateOnly or Guid:
                return expected.Equals(actual) ? null : $"{path}: {Show(expected)} vs {Show(actual)}";
            case Geometry g:
                var other = (Geometry)actual;
                return g.SRID == other.SRID && g.EqualsExact(other) ? null : $"{path}: {g} (SRID {g.SRID}) vs {other} (SRID {other.SRID})";
        }

        if (type.IsPrimitive)
        {
            return expected.Equals(actual) ? null : $"{path}: {expected} vs {actual}";
        }

        foreach (PropertyInfo property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0)
            {
                continue;
            }

            if (Compare(property.GetValue(expected), property.GetValue(actual), $"{path}.{property.Name}", depth + 1) is { } difference)
            {
                return difference;
            }
        }

        return null;
    }

    private static string? CompareSequences(IEnumerable expected, IEnumerable actual, string path, int depth)
    {
        object?[] left = [.. expected.Cast<object?>()];
        object?[] right = [.. actual.Cast<object?>()];
        if (left.Length != right.Length)
        {
            return $"{path}: {left.Length} items vs {right.Length}";
        }

        for (int i = 0; i < left.Length; i++)
        {
            if (Compare(left[i], right[i], $"{path}[{i}]", depth + 1) is { } difference)
            {
                return difference;
            }
        }

        return null;
    }

    private static string Show(object? value) => value is null ? "null" : $"'{value}'";
}
