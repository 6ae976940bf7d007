namespace MakeTheChange.Connectors.Lightspeed.Simulator.Webhooks;

/// <summary>The events one operation raised (a till sale raises sale.update and inventory.update), delivered together.</summary>
internal sealed record WebhookBatch(long Generation, WebhookSubscription Subscription, IReadOnlyList<WebhookEvent> Events, DateTimeOffset DueAt);
