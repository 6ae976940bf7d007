using System.Text.Json;

namespace MakeTheChange.Hub.Alerts;

/// <summary>Something the back office must look at.</summary>
public sealed record Alert(
    long Id,
    string Kind,
    string? LocationId,
    string? Sku,
    string? Subject,
    string Message,
    JsonElement Details,
    DateTimeOffset RaisedAt,
    DateTimeOffset? ResolvedAt);
