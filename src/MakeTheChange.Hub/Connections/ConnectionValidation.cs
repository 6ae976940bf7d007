using System.Text.Json;
using MakeTheChange.Hub.Http;
using MakeTheChange.Hub.Locations;

namespace MakeTheChange.Hub.Connections;

/// <summary>What a connection must satisfy (api.md, "POS connections").</summary>
internal static class ConnectionValidation
{
    private static readonly JsonElement NoSettings = JsonSerializer.SerializeToElement(new { });

    public static async Task<PosConnection?> ValidateAsync(
        string connectionId,
        ConnectionRequest? request,
        PosConnectors connectors,
        LocationCatalog locations,
        Uri? publicBaseUrl,
        ValidationErrors errors,
        CancellationToken cancellationToken)
    {
        errors.RequireId("connectionId", connectionId);
        if (request is null)
        {
            errors.Add("body", "A JSON body is required.");
            return null;
        }

        var connector = request.Kind is null ? null : connectors.Find(request.Kind);
        if (connector is null)
        {
            errors.Add("kind", $"kind is required: one of {string.Join(", ", connectors.Kinds.Order(StringComparer.Ordinal))}.");
        }

        var baseUrl = AbsoluteUrl("baseUrl", request.BaseUrl, required: true, errors);
        Secret("accessToken", request.AccessToken, required: true, errors);
        Secret("webhookSignatureKey", request.WebhookSignatureKey, required: connector?.RequiresWebhookSignatureKey != false, errors);
        var notificationUrl = AbsoluteUrl("notificationUrl", request.NotificationUrl, required: false, errors);
        if (notificationUrl is null && request.NotificationUrl is null && connector is not null)
        {
            if (publicBaseUrl is null)
            {
                errors.Add("notificationUrl", "notificationUrl is required while Hub:PublicBaseUrl is not set: the POS signs its webhooks for that exact URL.");
            }
            else
            {
                notificationUrl = new Uri(publicBaseUrl, $"webhooks/{connector.Kind}/{connectionId}");
            }
        }

        await ValidateLocationsAsync(request.Locations, locations, errors, cancellationToken);
        var settings = request.Settings ?? NoSettings;
        if (settings.ValueKind != JsonValueKind.Object)
        {
            errors.Add("settings", "settings is a JSON object.");
        }
        else if (connector is not null)
        {
            foreach (var (field, message) in connector.ValidateSettings(settings))
            {
                errors.Add($"settings.{field}", message);
            }
        }

        if (errors.Any)
        {
            return null;
        }

        return new PosConnection(
            connectionId,
            connector!.Kind,
            baseUrl!,
            request.AccessToken!,
            request.WebhookSignatureKey ?? string.Empty,
            notificationUrl!,
            request.Locations!,
            settings,
            DateTimeOffset.UtcNow);
    }

    private static async Task ValidateLocationsAsync(
        IReadOnlyDictionary<string, string>? map,
        LocationCatalog locations,
        ValidationErrors errors,
        CancellationToken cancellationToken)
    {
        if (map is not { Count: > 0 })
        {
            errors.Add("locations", "locations maps at least one POS location id to a hub location id.");
            return;
        }

        foreach (var (external, locationId) in map)
        {
            if (external.Length is 0 or > 128)
            {
                errors.Add("locations", $"'{external}' is not a POS location id (1 to 128 characters).");
            }
            else if (!ResourceIds.IsValid(locationId) || await locations.FindAsync(locationId, cancellationToken) is null)
            {
                errors.Add($"locations.{external}", $"No hub location '{locationId}'.");
            }
        }

        foreach (var duplicate in map.GroupBy(pair => pair.Value, StringComparer.Ordinal).Where(group => group.Count() > 1))
        {
            errors.Add("locations", $"Hub location '{duplicate.Key}' is mapped from more than one POS location.");
        }
    }

    private static Uri? AbsoluteUrl(string field, string? value, bool required, ValidationErrors errors)
    {
        if (value is null)
        {
            if (required)
            {
                errors.Add(field, $"{field} is required.");
            }

            return null;
        }

        if (!Uri.TryCreate(value, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            errors.Add(field, $"{field} must be an absolute http or https URL.");
            return null;
        }

        return url;
    }

    private static void Secret(string field, string? value, bool required, ValidationErrors errors)
    {
        // Never echo the value back: it is a secret even when it is wrong.
        if ((required && string.IsNullOrWhiteSpace(value)) || value?.Length > 2048)
        {
            errors.Add(field, required ? $"{field} is required (1 to 2048 characters)." : $"{field} is at most 2048 characters.");
        }
    }
}
