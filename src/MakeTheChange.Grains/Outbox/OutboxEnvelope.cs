namespace MakeTheChange.Grains.Outbox;

/// <summary>An outbox message as stored: its row and place in that row, when it was written, and what it says.</summary>
/// <param name="Id">The outbox row, which holds the messages of one topic written by one transaction.</param>
/// <param name="Index">The message's place in its row, from 1.</param>
public sealed record OutboxEnvelope(long Id, int Index, string Topic, string Key, string PayloadJson, DateTimeOffset CreatedAt);
