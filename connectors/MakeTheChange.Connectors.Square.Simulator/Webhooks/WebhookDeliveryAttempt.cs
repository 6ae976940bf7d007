namespace MakeTheChange.Connectors.Square.Simulator.Webhooks;

/// <summary>One POST to the notification URL: which event, which try, and what the receiver answered.</summary>
public sealed record WebhookDeliveryAttempt(
    string? EventId,
    string? Type,
    int Attempt,
    bool Duplicate,
    bool BadSignature,
    int? StatusCode,
    string? Error,
    DateTimeOffset AttemptedAt)
{
    /// <summary>Square counts only a 2xx as delivered; a 3xx is a failure too (pos-apis.md §1.6).</summary>
    public bool Delivered => StatusCode is >= 200 and < 300;
}
