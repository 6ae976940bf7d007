using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace MakeTheChange.Connectors.Simulation.Webhooks;

/// <summary>
/// Sends the outbox's batches in the order they were raised, after their delay, reversed or doubled when
/// asked. A failed first attempt is retried on its own, on the protocol's schedule, so a slow or broken
/// receiver does not hold back later events (the vendors guarantee no order either: pos-apis.md §1.6 for
/// Square, §2.5 for Lightspeed).
/// </summary>
public sealed class WebhookDeliveryService<TSubscription, TEvent>(
    WebhookOutbox<TSubscription, TEvent> outbox,
    WebhookSender<TSubscription, TEvent> sender,
    IWebhookProtocol<TSubscription, TEvent> protocol,
    TimeProvider time,
    ILogger<WebhookDeliveryService<TSubscription, TEvent>> logger) : BackgroundService
    where TSubscription : IWebhookSubscription
{
    private readonly Lock _gate = new();
    private readonly List<Task> _retries = [];

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        Task[] pending;
        lock (_gate)
        {
            pending = [.. _retries];
        }

        try
        {
            await Task.WhenAll(pending).WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // Stopping cancels the retries still waiting for their turn; Task.WhenAll would rethrow any real failure instead.
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var batch in outbox.Reader.ReadAllAsync(stoppingToken))
        {
            if (batch.Generation != outbox.Generation)
            {
                continue;
            }

            var wait = batch.DueAt - time.GetUtcNow();
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, time, stoppingToken);
            }

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
            lock (_gate)
            {
                _retries.RemoveAll(retry => retry.IsCompletedSuccessfully || retry.IsCanceled);
                _retries.Add(RetryAsync(batch, webhookEvent, duplicate, stoppingToken));
            }
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
