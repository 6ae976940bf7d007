using MakeTheChange.Connectors.Simulation.Webhooks;

namespace MakeTheChange.Connectors.Lightspeed.Simulator.Webhooks;

/// <summary>The validated, enabled subscription an event is sent to, fixed when the event is raised.</summary>
internal sealed record WebhookSubscription(
    string Url,
    string? ClientSecret,
    WebhookSignatureInput SignatureInput,
    WebhookSignatureEncoding SignatureEncoding,
    bool Duplicate,
    TimeSpan Delay,
    bool Reorder) : IWebhookSubscription
{
    public bool Signs => !string.IsNullOrEmpty(ClientSecret);
}
