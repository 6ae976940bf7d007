namespace MakeTheChange.Connectors.Lightspeed.Simulator.Webhooks;

/// <summary>An event raised by an operation, sent once the operation is over (never inside the request that caused it).</summary>
internal sealed record PendingWebhookEvent(string Type, string EntityId, long Version, object Payload);
