using System.Text.Json;

namespace MakeTheChange.Hub.Connections;

/// <summary>
/// A link to one POS account: where its API is, its credentials (never shown, never logged), the URL
/// its webhooks are signed for, and which of its locations is which hub location.
/// </summary>
public sealed record PosConnection(
    string ConnectionId,
    string Kind,
    Uri BaseUrl,
    string AccessToken,
    string WebhookSignatureKey,
    Uri NotificationUrl,
    IReadOnlyDictionary<string, string> Locations,
    JsonElement Settings,
    DateTimeOffset UpdatedAt)
{
    /// <summary>The source recorded on hub movements that came from this connection; its own changes are not pushed back.</summary>
    public string Source => $"{Kind}:{ConnectionId}";

    /// <summary>The hub location of an external one, or null when it is not mapped.</summary>
    public string? HubLocation(string externalLocationId) => Locations.GetValueOrDefault(externalLocationId);

    /// <summary>The external location of a hub one, or null when this connection does not cover it.</summary>
    public string? ExternalLocation(string locationId) =>
        Locations.FirstOrDefault(pair => string.Equals(pair.Value, locationId, StringComparison.Ordinal)).Key;

    // Never prints the credentials, unlike the record's generated ToString.
    public override string ToString() => $"{Kind} connection {ConnectionId} ({BaseUrl})";
}
