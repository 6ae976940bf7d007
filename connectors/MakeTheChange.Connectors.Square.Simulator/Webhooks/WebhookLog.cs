using Microsoft.Extensions.Logging;

namespace MakeTheChange.Connectors.Square.Simulator.Webhooks;

internal static partial class WebhookLog
{
    [LoggerMessage(Level = LogLevel.Debug, Message = "Delivered {EventType} {EventId} to {NotificationUrl} (attempt {Attempt}): {StatusCode}")]
    public static partial void Delivered(ILogger logger, string? eventType, string? eventId, string notificationUrl, int attempt, int statusCode);

    [LoggerMessage(Level = LogLevel.Information, Message = "{NotificationUrl} answered {StatusCode} to {EventType} {EventId} (attempt {Attempt})")]
    public static partial void Refused(ILogger logger, string notificationUrl, int statusCode, string? eventType, string? eventId, int attempt);

    [LoggerMessage(Level = LogLevel.Information, Message = "Could not deliver {EventType} {EventId} to {NotificationUrl} (attempt {Attempt}): {Error}")]
    public static partial void Unreachable(ILogger logger, string? eventType, string? eventId, string notificationUrl, int attempt, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Gave up delivering {EventType} {EventId} to {NotificationUrl} after {Attempts} attempts")]
    public static partial void GaveUp(ILogger logger, string? eventType, string? eventId, string notificationUrl, int attempts);
}
