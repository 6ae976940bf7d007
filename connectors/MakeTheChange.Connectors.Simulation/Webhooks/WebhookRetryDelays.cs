namespace MakeTheChange.Connectors.Simulation.Webhooks;

/// <summary>Retry schedules a vendor's <see cref="IWebhookProtocol{TSubscription, TEvent}"/> can offer.</summary>
public static class WebhookRetryDelays
{
    /// <summary>0.2, 0.5, 1 and 2 s: vendors retry over hours or days, a simulator for tests within seconds.</summary>
    public static IReadOnlyList<TimeSpan> WithinSeconds { get; } =
        [TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2)];
}
