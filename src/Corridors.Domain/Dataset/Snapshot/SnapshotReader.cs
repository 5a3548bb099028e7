using System.Text;
using Corridors.Domain.Network;

namespace Corridors.Domain.Dataset.Snapshot;

/// <summary>
/// Reads what <see cref="SnapshotWriter"/> wrote. Data that cannot be what the writer wrote (a count larger than the
/// bytes left, an enum value not defined, a flag that is neither 0 nor 1, the end reached early) throws
/// <see cref="InvalidDataException"/> or <see cref="EndOfStreamException"/>: the snapshot is then corrupt.
/// </summary>
internal sealed class SnapshotReader(Stream stream) : IDisposable
{
    private readonly BinaryReader _reader = new(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true), leaveOpen: true);

    public void Dispose() => _reader.Dispose();

    public bool AtEnd => stream.Position == stream.Length;

    public bool Bool()
    {
        byte flag = _reader.ReadByte();
        return flag switch
        {
            0 => false,
            1 => true,
            _ => throw new InvalidDataException($"flag {flag} at byte {stream.Position - 1} is neither 0 nor 1"),
        };
    }

    public int Int() => _reader.ReadInt32();

    public double Double() => _reader.ReadDouble();

    public string String() => _reader.ReadString();

    public T Enum<T>()
        where T : struct, Enum
    {
        int raw = _reader.ReadInt32();
        T value = (T)System.Enum.ToObject(typeof(T), raw);
        return System.Enum.IsDefined(value) ? value : throw new InvalidDataException($"{raw} is not a {typeof(T).Name}");
    }

    public DateOnly Date()
    {
        int day = _reader.ReadInt32();
        return day >= DateOnly.MinValue.DayNumber && day <= DateOnly.MaxValue.DayNumber
            ? DateOnly.FromDayNumber(day)
            : throw new InvalidDataException($"day number {day} is not a date");
    }

    public T? Optional<T>(Func<T> read)
        where T : class => Bool() ? read() : null;

    public T? OptionalValue<T>(Func<T> read)
        where T : struct => Bool() ? read() : null;

    public string? OptionalString() => Optional(String);

    public DateOnly? OptionalDate() => OptionalValue(Date);

    public List<T> List<T>(Func<T> read)
    {
        int count = _reader.ReadInt32();
        // Every item takes at least one byte: a larger count is damage, not a reason to allocate.
        if (count < 0 || count > stream.Length - stream.Position)
        {
            throw new InvalidDataException($"list of {count} items at byte {stream.Position - 4} does not fit in the snapshot");
        }

        var items = new List<T>(count);
        for (int i = 0; i < count; i++)
        {
            items.Add(read());
        }

        return items;
    }

    public List<string> Strings() => List(String);

    public HashSet<T> EnumSet<T>()
        where T : struct, Enum => [.. List(Enum<T>)];

    public Provenance Provenance() => new(Strings(), OptionalString());

    public RangeFigure Range() => new(Double(), Double(), Double(), Provenance());
}
