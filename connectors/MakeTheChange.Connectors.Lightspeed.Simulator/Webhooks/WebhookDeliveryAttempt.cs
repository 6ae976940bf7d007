namespace MakeTheChange.Connectors.Lightspeed.Simulator.Webhooks;

/// <summary>
/// One POST to the webhook URL, or an event dropped on purpose (<see cref="Dropped"/>, attempt 0, never
/// sent): which event (type, the payload's id and version), which try, and what the receiver answered.
/// </summary>
public sealed record WebhookDeliveryAttempt(
    string Type,
    string? EntityId,
    long? Version,
    int Attempt,
    bool Duplicate,
    bool BadSignature,
    bool Dropped,
    int? StatusCode,
    string? Error,
    DateTimeOffset AttemptedAt)
{
    /// <summary>Lightspeed counts only a 2xx as delivered (x-series-api.lightspeedhq.com/docs/webhooks).</summary>
    public bool Delivered => StatusCode is >= 200 and < 300;
}
