using System.Text.Json;

namespace MakeTheChange.Hub.Connections;

/// <summary>Body of <c>PUT /api/connections/{connectionId}</c>.</summary>
public sealed record ConnectionRequest(
    string? Kind,
    string? BaseUrl,
    string? AccessToken,
    string? WebhookSignatureKey,
    string? NotificationUrl,
    IReadOnlyDictionary<string, string>? Locations,
    JsonElement? Settings);
