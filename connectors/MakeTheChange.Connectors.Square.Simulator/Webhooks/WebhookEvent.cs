namespace MakeTheChange.Connectors.Square.Simulator.Webhooks;

/// <summary>An event ready to send: its serialized body is signed and sent as is, every time.</summary>
internal sealed record WebhookEvent(string? EventId, string? Type, byte[] Body);
