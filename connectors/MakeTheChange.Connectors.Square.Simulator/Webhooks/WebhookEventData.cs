namespace MakeTheChange.Connectors.Square.Simulator.Webhooks;

/// <summary>
/// The envelope's <c>data</c>. <c>object</c> is typed <see cref="object"/> so that each event's own
/// payload record is written with its own fields.
/// </summary>
internal sealed record WebhookEventData(string Type, string Id, object Object);
