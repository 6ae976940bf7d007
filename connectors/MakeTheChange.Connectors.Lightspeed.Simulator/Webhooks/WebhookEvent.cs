namespace MakeTheChange.Connectors.Lightspeed.Simulator.Webhooks;

/// <summary>
/// An event ready to send: its form body is built once and sent as is on every attempt. X-Series documents
/// no event id; <see cref="EntityId"/> and <see cref="Version"/> (from the payload) identify it in the log.
/// </summary>
internal sealed record WebhookEvent(string Type, string? EntityId, long? Version, string Payload, byte[] Body);
