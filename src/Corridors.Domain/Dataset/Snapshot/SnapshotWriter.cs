using System.Text;
using Corridors.Domain.Network;

namespace Corridors.Domain.Dataset.Snapshot;

/// <summary>
/// Writes the snapshot's primitives: little-endian numbers, length-prefixed UTF-8 strings, a presence flag before
/// every optional value and a count before every list. <see cref="SnapshotReader"/> reads them back in the same order.
/// </summary>
internal sealed class SnapshotWriter(Stream stream) : IDisposable
{
    private readonly BinaryWriter _writer = new(stream, Encoding.UTF8, leaveOpen: true);

    public void Dispose() => _writer.Dispose();

    public void Flush() => _writer.Flush();

    public void Bool(bool value) => _writer.Write(value);

    public void Int(int value) => _writer.Write(value);

    public void Double(double value) => _writer.Write(value);

    public void String(string value) => _writer.Write(value);

    public void Enum<T>(T value)
        where T : struct, Enum => _writer.Write(Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture));

    public void Date(DateOnly value) => _writer.Write(value.DayNumber);

    /// <summary>Writes a presence flag, then the value through <paramref name="write"/> when there is one.</summary>
    public void Optional<T>(T? value, Action<T> write)
        where T : class
    {
        _writer.Write(value is not null);
        if (value is not null)
        {
            write(value);
        }
    }

    public void Optional<T>(T? value, Action<T> write)
        where T : struct
    {
        _writer.Write(value.HasValue);
        if (value is { } present)
        {
            write(present);
        }
    }

    public void OptionalString(string? value) => Optional(value, String);

    public void OptionalDate(DateOnly? value) => Optional(value, Date);

    /// <summary>Writes the count, then each item in enumeration order (so a rebuilt set enumerates in the same order).</summary>
    public void List<T>(IEnumerable<T> items, Action<T> write)
    {
        ArgumentNullException.ThrowIfNull(items);
        T[] all = [.. items];
        _writer.Write(all.Length);
        foreach (T item in all)
        {
            write(item);
        }
    }

    public void Strings(IEnumerable<string> values) => List(values, String);

    public void Provenance(Provenance value)
    {
        Strings(value.SourceIds);
        OptionalString(value.DerivedMethod);
    }

    public void Range(RangeFigure value)
    {
        Double(value.Min);
        Double(value.Typical);
        Double(value.Max);
        Provenance(value.Provenance);
    }
}
