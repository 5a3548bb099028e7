namespace Corridors.Domain.Dates;

/// <summary>
/// The days on which something that depends on the date may change (a link opens, a closure ends), which split the
/// calendar into epochs: spans of days on which it cannot. Whatever depends on the date only through comparisons with
/// those days (<c>date ≥ day</c>, <c>date &lt; day</c>) is the same on every day of an epoch, so it can be worked
/// out once per epoch. Epoch k is [day k − 1, day k): epoch 0 runs from the beginning of time to the first day.
/// </summary>
internal sealed class DateEpochs
{
    private readonly DateOnly[] _changeDays;

    public DateEpochs(IEnumerable<DateOnly> changeDays)
    {
        ArgumentNullException.ThrowIfNull(changeDays);
        _changeDays = [.. changeDays.Distinct().Order()];
    }

    /// <summary>Number of epochs: one more than the distinct change days.</summary>
    public int Count => _changeDays.Length + 1;

    /// <summary>The epoch of a date: the number of change days on or before it.</summary>
    public int EpochOf(DateOnly date)
    {
        int index = Array.BinarySearch(_changeDays, date);
        return index >= 0 ? index + 1 : ~index;
    }
}
