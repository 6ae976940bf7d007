namespace MakeTheChange.Connectors.Square.Simulator.Webhooks;

/// <summary>Square's event envelope (pos-apis.md §1.6); <c>event_id</c> is the receiver's dedupe key.</summary>
internal sealed record WebhookEnvelope(string MerchantId, string Type, string EventId, string CreatedAt, WebhookEventData Data);
