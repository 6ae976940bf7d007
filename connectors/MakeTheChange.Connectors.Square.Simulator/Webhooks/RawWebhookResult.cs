namespace MakeTheChange.Connectors.Square.Simulator.Webhooks;

/// <summary>What the receiver answered to a raw event, and the signature header that was sent.</summary>
public sealed record RawWebhookResult(int? StatusCode, string? Error, string Signature);
