using System.Text.Json;

namespace MakeTheChange.Hub.Connections;

/// <summary>A connection as the API shows it: its settings without any secret, and its health.</summary>
public sealed record ConnectionResponse(
    string ConnectionId,
    string Kind,
    string BaseUrl,
    string NotificationUrl,
    IReadOnlyDictionary<string, string> Locations,
    JsonElement Settings,
    DateTimeOffset UpdatedAt,
    ConnectionHealth Health)
{
    public static ConnectionResponse Of(PosConnection connection, ConnectionHealth health) => new(
        connection.ConnectionId,
        connection.Kind,
        connection.BaseUrl.ToString(),
        connection.NotificationUrl.ToString(),
        connection.Locations,
        connection.Settings,
        connection.UpdatedAt,
        health);
}
