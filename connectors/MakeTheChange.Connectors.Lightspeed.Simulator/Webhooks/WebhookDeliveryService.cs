using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace MakeTheChange.Connectors.Lightspeed.Simulator.Webhooks;

/// <summary>
/// Sends the outbox's batches in the order they were raised, after their delay, reversed or doubled
/// when asked. A failed first attempt is retried on its own, so a slow or broken receiver does not
/// hold back later events (Lightspeed guarantees no order either, pos-apis.md §2.5).
/// </summary>
internal sealed class WebhookDeliveryService(
    WebhookOutbox outbox,
    WebhookSender sender,
    TimeProvider time,
    ILogger<WebhookDeliveryService> logger) : BackgroundService
{
    /// <summary>Lightspeed retries up to 20 times over 48 h (x-series-api.lightspeedhq.com/docs/webhooks); a simulator for tests retries within seconds.</summary>
    private static readonly TimeSpan[] RetryDelays =
        [TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2)];

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
                await DeliverAsync(batch, webhookEvent, stoppingToken);
                if (batch.Subscription.Duplicate)
                {
                    await DeliverAsync(batch, webhookEvent with { Duplicate = true }, stoppingToken);
                }
            }
        }
    }

    private async Task DeliverAsync(WebhookBatch batch, WebhookEvent webhookEvent, CancellationToken stoppingToken)
    {
        if (batch.Generation != outbox.Generation)
        {
            return;
        }

        var first = await sender.SendAsync(batch.Subscription, webhookEvent, attempt: 1, badSignature: false, stoppingToken);
        if (!first.Delivered)
        {
            lock (_gate)
            {
                _retries.RemoveAll(retry => retry.IsCompletedSuccessfully || retry.IsCanceled);
                _retries.Add(RetryAsync(batch, webhookEvent, stoppingToken));
            }
        }
    }

    private async Task RetryAsync(WebhookBatch batch, WebhookEvent webhookEvent, CancellationToken stoppingToken)
    {
        for (var index = 0; index < RetryDelays.Length; index++)
        {
            await Task.Delay(RetryDelays[index], time, stoppingToken);
            if (batch.Generation != outbox.Generation)
            {
                return;
            }

            var attempt = await sender.SendAsync(batch.Subscription, webhookEvent, attempt: index + 2, badSignature: false, stoppingToken);
            if (attempt.Delivered)
            {
                return;
            }
        }

        WebhookLog.GaveUp(logger, webhookEvent.Type, webhookEvent.EntityId, batch.Subscription.Url, RetryDelays.Length + 1);
    }
}
