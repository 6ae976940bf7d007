using System.Threading.Channels;

namespace MakeTheChange.Connectors.Lightspeed.Simulator.Webhooks;

/// <summary>Batches of events waiting for the delivery service, in the order they were raised.</summary>
internal sealed class WebhookOutbox
{
    private readonly Channel<WebhookBatch> _channel = Channel.CreateUnbounded<WebhookBatch>(new UnboundedChannelOptions { SingleReader = true });
    private long _generation;

    /// <summary>Bumped by a reset: batches and retries of an older generation are dropped.</summary>
    public long Generation => Interlocked.Read(ref _generation);

    public ChannelReader<WebhookBatch> Reader => _channel.Reader;

    public void Enqueue(WebhookBatch batch)
    {
        if (!_channel.Writer.TryWrite(batch))
        {
            throw new InvalidOperationException("The webhook outbox is closed; the simulator is shutting down.");
        }
    }

    public void DiscardPending() => Interlocked.Increment(ref _generation);
}
