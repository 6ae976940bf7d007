namespace MakeTheChange.Connectors.Simulation.Webhooks;

/// <summary>
/// Webhook delivery as a simulator drives it: queue what an operation raised, send a raw event now, read the
/// delivery log, and forget it all on a reset. Thread-safe.
/// </summary>
/// <typeparam name="TAttempt">The vendor's public record of an attempt, as <c>GET /simulator/webhooks/deliveries</c> shows it.</typeparam>
public sealed class SimulatorWebhooks<TSubscription, TEvent, TAttempt>(
    WebhookOutbox<TSubscription, TEvent> outbox,
    WebhookSender<TSubscription, TEvent> sender,
    WebhookDeliveryLog<TAttempt> deliveries)
    where TSubscription : IWebhookSubscription
{
    /// <summary>Queues the events one operation raised; they are delivered in the background, never inside the request that raised them.</summary>
    public void Enqueue(TSubscription subscription, IReadOnlyList<TEvent> events, DateTimeOffset raisedAt) =>
        outbox.Enqueue(subscription, events, raisedAt);

    /// <summary>POSTs one event now, once, without retries: the raw sends of <c>POST /simulator/webhooks/send</c>.</summary>
    public Task<WebhookAttempt> SendNowAsync(TSubscription subscription, TEvent webhookEvent, bool badSignature, CancellationToken cancellationToken) =>
        sender.SendAsync(subscription, webhookEvent, attempt: 1, duplicate: false, badSignature, cancellationToken);

    /// <summary>Every entry of the delivery log so far, oldest first.</summary>
    public IReadOnlyList<TAttempt> Deliveries() => deliveries.Snapshot();

    /// <summary>Adds an entry that is no POST, such as an event dropped on purpose.</summary>
    public void Log(TAttempt entry) => deliveries.Add(entry);

    /// <summary>Drops the batches and retries still pending and empties the delivery log.</summary>
    public void DiscardAll()
    {
        outbox.DiscardPending();
        deliveries.Clear();
    }
}
