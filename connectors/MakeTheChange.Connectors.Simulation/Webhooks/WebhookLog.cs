using Microsoft.Extensions.Logging;

namespace MakeTheChange.Connectors.Simulation.Webhooks;

/// <summary>The delivery's log lines; <c>webhookEvent</c> is the vendor's <see cref="IWebhookProtocol{TSubscription, TEvent}.Describe"/>.</summary>
internal static partial class WebhookLog
{
    [LoggerMessage(Level = LogLevel.Debug, Message = "Delivered {WebhookEvent} to {Url} (attempt {Attempt}): {StatusCode}")]
    public static partial void Delivered(ILogger logger, string webhookEvent, string url, int attempt, int statusCode);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Url} answered {StatusCode} to {WebhookEvent} (attempt {Attempt})")]
    public static partial void Refused(ILogger logger, string url, int statusCode, string webhookEvent, int attempt);

    [LoggerMessage(Level = LogLevel.Information, Message = "Could not deliver {WebhookEvent} to {Url} (attempt {Attempt}): {Error}")]
    public static partial void Unreachable(ILogger logger, string webhookEvent, string url, int attempt, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Gave up delivering {WebhookEvent} to {Url} after {Attempts} attempts")]
    public static partial void GaveUp(ILogger logger, string webhookEvent, string url, int attempts);
}
