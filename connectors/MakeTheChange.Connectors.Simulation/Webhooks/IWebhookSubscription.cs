namespace MakeTheChange.Connectors.Simulation.Webhooks;

/// <summary>What the shared delivery needs of a vendor's webhook subscription: where to POST, and the misbehaviours asked for.</summary>
public interface IWebhookSubscription
{
    /// <summary>Where events are POSTed.</summary>
    string Url { get; }

    /// <summary>Send every event twice.</summary>
    bool Duplicate { get; }

    /// <summary>Hold each batch this long before its first delivery attempt.</summary>
    TimeSpan Delay { get; }

    /// <summary>Deliver the events of each batch in reverse order.</summary>
    bool Reorder { get; }
}
