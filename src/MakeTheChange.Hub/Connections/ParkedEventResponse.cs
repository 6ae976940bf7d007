using System.Text.Json;

namespace MakeTheChange.Hub.Connections;

/// <summary>Something that waits for an admin: an inbound event or an outbound push, and why.</summary>
public sealed record ParkedEventResponse(string Direction, string Reference, string Reason, JsonElement Details, DateTimeOffset ParkedAt);
