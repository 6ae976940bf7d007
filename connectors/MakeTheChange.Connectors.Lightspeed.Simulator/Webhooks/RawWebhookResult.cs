namespace MakeTheChange.Connectors.Lightspeed.Simulator.Webhooks;

/// <summary>What the receiver answered to a raw event, and the <c>X-Signature</c> header sent (null when unsigned).</summary>
public sealed record RawWebhookResult(int? StatusCode, string? Error, string? Signature);
