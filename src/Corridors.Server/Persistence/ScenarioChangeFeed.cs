using System.Threading.Channels;

namespace Corridors.Server.Persistence;

/// <summary>
/// Fans committed changes out to subscribers, each with its own bounded channel. Thread-safe: <see cref="Publish"/>,
/// <see cref="Subscribe"/> and disposing a subscription may run concurrently from any thread. Publishing never blocks
/// and never waits for a subscriber: when a subscriber's buffer is full the oldest change is dropped (it can tell from
/// the gap in <see cref="ScenarioChange.Sequence"/>, and should then re-read what it watches).
/// </summary>
public sealed class ScenarioChangeFeed : IDisposable
{
    private readonly Lock _gate = new();
    private readonly List<Channel<ScenarioChange>> _subscribers = [];
    private readonly int _capacity;
    private bool _completed;

    /// <param name="capacityPerSubscriber">Changes buffered per subscriber before the oldest is dropped.</param>
    public ScenarioChangeFeed(int capacityPerSubscriber)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacityPerSubscriber, 1);
        _capacity = capacityPerSubscriber;
    }

    /// <summary>The number of live subscriptions.</summary>
    public int SubscriberCount
    {
        get
        {
            lock (_gate)
            {
                return _subscribers.Count;
            }
        }
    }

    /// <summary>
    /// A new subscription receiving every change published from now on. Dispose it to unsubscribe (its reader then
    /// completes). After the feed is disposed the reader is already complete.
    /// </summary>
    public ScenarioChangeSubscription Subscribe()
    {
        var channel = Channel.CreateBounded<ScenarioChange>(new BoundedChannelOptions(_capacity)
        {
            FullMode = BoundedChannelFullMode.DropOldest,
            SingleReader = false,
            SingleWriter = false,
        });
        lock (_gate)
        {
            if (_completed)
            {
                channel.Writer.TryComplete();
            }
            else
            {
                _subscribers.Add(channel);
            }
        }

        return new ScenarioChangeSubscription(this, channel);
    }

    /// <summary>Hands <paramref name="change"/> to every subscriber; never blocks.</summary>
    public void Publish(ScenarioChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        lock (_gate)
        {
            foreach (Channel<ScenarioChange> subscriber in _subscribers)
            {
                // DropOldest: TryWrite always succeeds on an open bounded channel.
                subscriber.Writer.TryWrite(change);
            }
        }
    }

    /// <summary>Completes every subscriber's reader; later subscriptions complete at once.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            _completed = true;
            foreach (Channel<ScenarioChange> subscriber in _subscribers)
            {
                subscriber.Writer.TryComplete();
            }

            _subscribers.Clear();
        }
    }

    internal void Unsubscribe(Channel<ScenarioChange> channel)
    {
        lock (_gate)
        {
            _subscribers.Remove(channel);
        }

        channel.Writer.TryComplete();
    }
}

/// <summary>One subscriber's view of a <see cref="ScenarioChangeFeed"/>; dispose it to unsubscribe.</summary>
public sealed class ScenarioChangeSubscription : IDisposable
{
    private readonly ScenarioChangeFeed _feed;
    private readonly Channel<ScenarioChange> _channel;

    internal ScenarioChangeSubscription(ScenarioChangeFeed feed, Channel<ScenarioChange> channel)
    {
        _feed = feed;
        _channel = channel;
    }

    /// <summary>The changes, in commit order; completes when the subscription or the store is disposed.</summary>
    public ChannelReader<ScenarioChange> Changes => _channel.Reader;

    public void Dispose() => _feed.Unsubscribe(_channel);
}
