namespace MakeTheChange.Grains.Outbox;

/// <summary>An event written in the same transaction as the state it describes, dispatched afterwards.</summary>
/// <param name="Topic">What happened, for example <c>stock.holds-at-risk</c>.</param>
/// <param name="Key">What it happened to (used to keep related messages together).</param>
/// <param name="PayloadJson">The event body as JSON.</param>
public sealed record OutboxMessage(string Topic, string Key, string PayloadJson);
