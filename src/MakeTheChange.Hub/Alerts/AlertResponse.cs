using System.Text.Json;

namespace MakeTheChange.Hub.Alerts;

public sealed record AlertResponse(
    long Id,
    string Kind,
    string? LocationId,
    string? Sku,
    string? Subject,
    string Message,
    JsonElement Details,
    DateTimeOffset RaisedAt,
    DateTimeOffset? ResolvedAt)
{
    public static AlertResponse Of(Alert alert) =>
        new(alert.Id, alert.Kind, alert.LocationId, alert.Sku, alert.Subject, alert.Message, alert.Details, alert.RaisedAt, alert.ResolvedAt);
}
