namespace MakeTheChange.Connectors.Simulation.Webhooks;

/// <summary>One POST of an event and what the receiver answered: what every vendor's delivery log records of it.</summary>
/// <param name="Number">1 for the first attempt, 2 for the first retry, and so on.</param>
/// <param name="Duplicate">The second copy of an event sent twice on purpose.</param>
/// <param name="BadSignature">Signed deliberately wrong.</param>
/// <param name="StatusCode">The receiver's answer; null when none came.</param>
/// <param name="Error">Why no answer came.</param>
/// <param name="AttemptedAt">When the attempt ended.</param>
public sealed record WebhookAttempt(int Number, bool Duplicate, bool BadSignature, int? StatusCode, string? Error, DateTimeOffset AttemptedAt)
{
    /// <summary>Only a 2xx counts as delivered; a 3xx is a failure too.</summary>
    public bool Delivered => StatusCode is >= 200 and < 300;
}
