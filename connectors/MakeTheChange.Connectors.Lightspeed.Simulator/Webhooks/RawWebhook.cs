namespace MakeTheChange.Connectors.Lightspeed.Simulator.Webhooks;

/// <summary>A raw event to send to the webhook URL now, signed correctly unless <see cref="BadSignature"/>.</summary>
public sealed record RawWebhook
{
    /// <summary>The event type, sent as the form field <c>type</c> (sale.update, inventory.update, or anything).</summary>
    public required string Type { get; init; }

    /// <summary>The text of the <c>payload</c> field, sent as is (it need not even be valid JSON).</summary>
    public required string Payload { get; init; }

    public bool BadSignature { get; init; }
}
