namespace MakeTheChange.Hub.Connections;

/// <summary>A webhook event as the inbox stored it (the raw body, already verified).</summary>
public sealed record InboundEvent(long Id, string ConnectionId, string EventId, string EventType, string Payload, DateTimeOffset ReceivedAt, int Attempts);
