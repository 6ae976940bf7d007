namespace MakeTheChange.Connectors.Lightspeed.Simulator.Webhooks;

/// <summary>Every delivery attempt and dropped event, in the order they happened. Thread-safe.</summary>
internal sealed class WebhookDeliveryLog
{
    private readonly Lock _gate = new();
    private readonly List<WebhookDeliveryAttempt> _attempts = [];

    public void Add(WebhookDeliveryAttempt attempt)
    {
        lock (_gate)
        {
            _attempts.Add(attempt);
        }
    }

    public IReadOnlyList<WebhookDeliveryAttempt> Snapshot()
    {
        lock (_gate)
        {
            return [.. _attempts];
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _attempts.Clear();
        }
    }
}
