using System.Threading.Channels;

namespace MakeTheChange.Connectors.Simulation.Webhooks;

/// <summary>Batches of events waiting for the delivery service, in the order they were raised. Thread-safe.</summary>
public sealed class WebhookOutbox<TSubscription, TEvent>
    where TSubscription : IWebhookSubscription
{
    private readonly Channel<WebhookBatch<TSubscription, TEvent>> _channel =
        Channel.CreateUnbounded<WebhookBatch<TSubscription, TEvent>>(new UnboundedChannelOptions { SingleReader = true });

    private long _generation;

    /// <summary>Bumped by a reset: batches and retries of an older generation are dropped.</summary>
    public long Generation => Interlocked.Read(ref _generation);

    public ChannelReader<WebhookBatch<TSubscription, TEvent>> Reader => _channel.Reader;

    /// <summary>Queues the events one operation raised, due once the subscription's delay has passed since <paramref name="raisedAt"/>.</summary>
    public void Enqueue(TSubscription subscription, IReadOnlyList<TEvent> events, DateTimeOffset raisedAt)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        if (!_channel.Writer.TryWrite(new WebhookBatch<TSubscription, TEvent>(Generation, subscription, events, raisedAt + subscription.Delay)))
        {
            throw new InvalidOperationException("The webhook outbox is closed; the simulator is shutting down.");
        }
    }

    public void DiscardPending() => Interlocked.Increment(ref _generation);
}
