namespace MakeTheChange.Connectors.Lightspeed.Simulator.Webhooks;

/// <summary>
/// The webhook subscription (<c>PUT /simulator/webhooks</c>) and the misbehaviours to simulate. Lightspeed
/// says its webhooks are "reliable, but we can't guarantee they'll be delivered" (pos-apis.md §2.4): these
/// make duplicates, reordering, delays and losses happen on demand.
/// </summary>
public sealed record WebhookSettings
{
    /// <summary>Where events are POSTed.</summary>
    public string? Url { get; init; }

    /// <summary>The app's client secret, the HMAC key (UTF-8). Null or empty sends unsigned webhooks, like a personal-token hook.</summary>
    public string? ClientSecret { get; init; }

    public WebhookSignatureInput SignatureInput { get; init; } = WebhookSignatureInput.RawBody;

    public WebhookSignatureEncoding SignatureEncoding { get; init; } = WebhookSignatureEncoding.Hex;

    /// <summary>Send every event twice, byte for byte the same (there is no event id to tell them apart).</summary>
    public bool Duplicate { get; init; }

    /// <summary>Hold each event this long before the first delivery attempt.</summary>
    public int DelayMs { get; init; }

    /// <summary>Deliver the events of each operation (a till sale raises sale.update then inventory.update) in reverse order.</summary>
    public bool Reorder { get; init; }

    /// <summary>Silently lose the next n events: they are logged as dropped and never sent.</summary>
    public int DropNext { get; init; }

    /// <summary>False stops deliveries; events raised meanwhile are not sent later.</summary>
    public bool Enabled { get; init; } = true;
}
