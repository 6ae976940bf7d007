namespace MakeTheChange.Connectors.Square.Simulator.Webhooks;

/// <summary>
/// The webhook subscription (<c>PUT /simulator/webhooks</c>) and the misbehaviours to simulate.
/// Square delivers at least once and in no guaranteed order (pos-apis.md §1.6); these make both happen on demand.
/// </summary>
public sealed record WebhookSettings
{
    /// <summary>Where events are POSTed; signed byte for byte as written here, so use the exact URL the receiver verifies with.</summary>
    public string? NotificationUrl { get; init; }

    /// <summary>The subscription's signature key, used verbatim as UTF-8 bytes.</summary>
    public string? SignatureKey { get; init; }

    /// <summary>Send every event twice, with the same <c>event_id</c>.</summary>
    public bool Duplicate { get; init; }

    /// <summary>Hold each event this long before the first delivery attempt.</summary>
    public int DelayMs { get; init; }

    /// <summary>Deliver the events of each batch (for example the three of a till sale) in reverse order.</summary>
    public bool Reorder { get; init; }

    /// <summary>False stops deliveries; events raised meanwhile are not sent later.</summary>
    public bool Enabled { get; init; } = true;
}
