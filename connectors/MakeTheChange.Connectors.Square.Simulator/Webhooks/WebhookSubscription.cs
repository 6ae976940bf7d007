using MakeTheChange.Connectors.Simulation.Webhooks;

namespace MakeTheChange.Connectors.Square.Simulator.Webhooks;

/// <summary>The validated, enabled subscription an event is sent to, fixed when the event is raised.</summary>
internal sealed record WebhookSubscription(string NotificationUrl, string SignatureKey, bool Duplicate, TimeSpan Delay, bool Reorder) : IWebhookSubscription
{
    string IWebhookSubscription.Url => NotificationUrl;
}
