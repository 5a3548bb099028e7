using Corridors.Domain.Dates;

namespace Corridors.Domain.Tests.Dates;

public sealed class DateEpochsTests
{
    private static readonly DateEpochs Epochs = new([new(2030, 1, 1), new(2025, 9, 12), new(2025, 9, 25), new(2030, 1, 1)]);

    [Fact]
    public void ChangeDays_SplitTheCalendar_EachStartingTheNextEpoch()
    {
        Assert.Equal(4, Epochs.Count); // three distinct days
        Assert.Equal(0, Epochs.EpochOf(DateOnly.MinValue));
        Assert.Equal(0, Epochs.EpochOf(new(2025, 9, 11)));
        Assert.Equal(1, Epochs.EpochOf(new(2025, 9, 12)));
        Assert.Equal(1, Epochs.EpochOf(new(2025, 9, 24)));
        Assert.Equal(2, Epochs.EpochOf(new(2025, 9, 25)));
        Assert.Equal(2, Epochs.EpochOf(new(2029, 12, 31)));
        Assert.Equal(3, Epochs.EpochOf(new(2030, 1, 1)));
        Assert.Equal(3, Epochs.EpochOf(DateOnly.MaxValue));
    }

    [Fact]
    public void NoChangeDays_IsOneEpoch()
    {
        var none = new DateEpochs([]);

        Assert.Equal(1, none.Count);
        Assert.Equal(0, none.EpochOf(new(2026, 11, 29)));
    }
}
