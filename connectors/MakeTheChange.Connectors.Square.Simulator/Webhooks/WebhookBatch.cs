namespace MakeTheChange.Connectors.Square.Simulator.Webhooks;

/// <summary>The events one operation raised (a till sale raises three), delivered together.</summary>
internal sealed record WebhookBatch(long Generation, WebhookSubscription Subscription, IReadOnlyList<WebhookEvent> Events, DateTimeOffset DueAt);
