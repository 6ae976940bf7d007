using Microsoft.Extensions.Logging;

namespace MakeTheChange.Connectors.Lightspeed.Simulator.Webhooks;

internal static partial class WebhookLog
{
    [LoggerMessage(Level = LogLevel.Debug, Message = "Delivered {EventType} of {EntityId} to {Url} (attempt {Attempt}): {StatusCode}")]
    public static partial void Delivered(ILogger logger, string eventType, string? entityId, string url, int attempt, int statusCode);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Url} answered {StatusCode} to {EventType} of {EntityId} (attempt {Attempt})")]
    public static partial void Refused(ILogger logger, string url, int statusCode, string eventType, string? entityId, int attempt);

    [LoggerMessage(Level = LogLevel.Information, Message = "Could not deliver {EventType} of {EntityId} to {Url} (attempt {Attempt}): {Error}")]
    public static partial void Unreachable(ILogger logger, string eventType, string? entityId, string url, int attempt, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Gave up delivering {EventType} of {EntityId} to {Url} after {Attempts} attempts")]
    public static partial void GaveUp(ILogger logger, string eventType, string? entityId, string url, int attempts);
}
