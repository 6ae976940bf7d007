namespace MakeTheChange.Connectors.Simulation.Webhooks;

/// <summary>The events one operation raised (the several of a till sale, say), delivered together to the subscription in force when they were raised.</summary>
/// <param name="Generation">The outbox generation it was queued in; a reset makes it stale.</param>
public sealed record WebhookBatch<TSubscription, TEvent>(long Generation, TSubscription Subscription, IReadOnlyList<TEvent> Events, DateTimeOffset DueAt)
    where TSubscription : IWebhookSubscription;
