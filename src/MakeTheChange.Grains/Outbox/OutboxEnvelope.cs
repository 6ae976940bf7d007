namespace MakeTheChange.Grains.Outbox;

/// <summary>An outbox message as stored: its position, when it was written, and what it says.</summary>
public sealed record OutboxEnvelope(long Id, string Topic, string Key, string PayloadJson, DateTimeOffset CreatedAt);
