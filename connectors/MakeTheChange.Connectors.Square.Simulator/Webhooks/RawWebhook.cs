namespace MakeTheChange.Connectors.Square.Simulator.Webhooks;

/// <summary>A raw event body to send to the notification URL, signed correctly unless <see cref="BadSignature"/>.</summary>
public sealed record RawWebhook
{
    public required string Body { get; init; }

    public bool BadSignature { get; init; }
}
