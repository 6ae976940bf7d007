namespace MakeTheChange.Connectors.Simulation.Webhooks;

/// <summary>Every delivery attempt (and whatever else the vendor logs, such as events dropped on purpose), in the order they happened. Thread-safe.</summary>
/// <typeparam name="TAttempt">The vendor's public record of an attempt, as <c>GET /simulator/webhooks/deliveries</c> shows it.</typeparam>
public sealed class WebhookDeliveryLog<TAttempt>
{
    private readonly Lock _gate = new();
    private readonly List<TAttempt> _attempts = [];

    public void Add(TAttempt attempt)
    {
        lock (_gate)
        {
            _attempts.Add(attempt);
        }
    }

    public IReadOnlyList<TAttempt> Snapshot()
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
