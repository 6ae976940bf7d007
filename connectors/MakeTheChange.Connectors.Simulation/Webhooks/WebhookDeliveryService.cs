using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace MakeTheChange.Connectors.Simulation.Webhooks;

/// <summary>
/// Sends the outbox's batches once their delay has passed, several batches at a time, the events of one
/// batch one after the other (reversed or doubled when asked). A failed first attempt is retried on its
/// own, on the protocol's schedule, so a slow or broken receiver does not hold back later events (the
/// vendors guarantee no order either: pos-apis.md §1.6 for Square, §2.5 for Lightspeed).
/// </summary>
public sealed class WebhookDeliveryService<TSubscription, TEvent>(
    WebhookOutbox<TSubscription, TEvent> outbox,
    WebhookSender<TSubscription, TEvent> sender,
    IWebhookProtocol<TSubscription, TEvent> protocol,
    TimeProvider time,
    ILogger<WebhookDeliveryService<TSubscription, TEvent>> logger) : BackgroundService
    where TSubscription : IWebhookSubscription
{
    /// <summary>
    /// A vendor delivers from many workers at once, not one POST after another: a receiver that takes a
    /// while to answer one notification still gets the next ones. One batch is one operation's events.
    /// </summary>
    public const int MaxBatchesInFlight = 16;

    private readonly Lock _gate = new();
    private readonly List<Task> _sending = [];
    private readonly SemaphoreSlim _inFlight = new(MaxBatchesInFlight, MaxBatchesInFlight);

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        Task[] pending;
        lock (_gate)
        {
            pending = [.. _sending];
        }

        try
        {
            await Task.WhenAll(pending).WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // Stopping cancels the sends and retries still waiting for their turn; Task.WhenAll would rethrow any real failure instead.
        }
    }

    public override void Dispose()
    {
        _inFlight.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var batch in outbox.Reader.ReadAllAsync(stoppingToken))
        {
            if (batch.Generation != outbox.Generation)
            {
                continue;
            }

            // Every batch of a subscription has the same delay, so waiting here starts them in the order raised;
            // with several batches in flight they may still arrive in another order, as real webhooks do.
            var wait = batch.DueAt - time.GetUtcNow();
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, time, stoppingToken);
            }

            await _inFlight.WaitAsync(stoppingToken);
            Track(SendBatchAsync(batch, stoppingToken));
        }
    }

    private async Task SendBatchAsync(WebhookBatch<TSubscription, TEvent> batch, CancellationToken stoppingToken)
    {
        try
        {
            var events = batch.Subscription.Reorder ? batch.Events.Reverse() : batch.Events;
            foreach (var webhookEvent in events)
            {
                await DeliverAsync(batch, webhookEvent, duplicate: false, stoppingToken);
                if (batch.Subscription.Duplicate)
                {
                    await DeliverAsync(batch, webhookEvent, duplicate: true, stoppingToken);
                }
            }
        }
        finally
        {
            _inFlight.Release();
        }
    }

    private async Task DeliverAsync(WebhookBatch<TSubscription, TEvent> batch, TEvent webhookEvent, bool duplicate, CancellationToken stoppingToken)
    {
        if (batch.Generation != outbox.Generation)
        {
            return;
        }

        var first = await sender.SendAsync(batch.Subscription, webhookEvent, attempt: 1, duplicate, badSignature: false, stoppingToken);
        if (!first.Delivered)
        {
            Track(RetryAsync(batch, webhookEvent, duplicate, stoppingToken));
        }
    }

    private void Track(Task sending)
    {
        lock (_gate)
        {
            _sending.RemoveAll(task => task.IsCompletedSuccessfully || task.IsCanceled);
            _sending.Add(sending);
        }
    }

    private async Task RetryAsync(WebhookBatch<TSubscription, TEvent> batch, TEvent webhookEvent, bool duplicate, CancellationToken stoppingToken)
    {
        var delays = protocol.RetryDelays;
        for (var index = 0; index < delays.Count; index++)
        {
            await Task.Delay(delays[index], time, stoppingToken);
            if (batch.Generation != outbox.Generation)
            {
                return;
            }

            var attempt = await sender.SendAsync(batch.Subscription, webhookEvent, attempt: index + 2, duplicate, badSignature: false, stoppingToken);
            if (attempt.Delivered)
            {
                return;
            }
        }

        WebhookLog.GaveUp(logger, protocol.Describe(webhookEvent), batch.Subscription.Url, delays.Count + 1);
    }
}
