using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;

namespace MakeTheChange.Connectors.Square.Simulator.Webhooks;

/// <summary>POSTs one event the way Square does, and records the attempt.</summary>
internal sealed class WebhookSender : IDisposable
{
    /// <summary>Square waits 10 s for a 2xx before it counts the delivery as failed (pos-apis.md §1.6).</summary>
    private static readonly TimeSpan ReceiverTimeout = TimeSpan.FromSeconds(10);

    private readonly HttpClient _http;
    private readonly WebhookDeliveryLog _log;
    private readonly TimeProvider _time;
    private readonly ILogger<WebhookSender> _logger;

    public WebhookSender(WebhookDeliveryLog log, TimeProvider time, ILogger<WebhookSender> logger)
    {
        _log = log;
        _time = time;
        _logger = logger;

        // A 3xx is a failed delivery for Square, so redirects are not followed.
        _http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, PooledConnectionLifetime = TimeSpan.FromMinutes(1) })
        {
            Timeout = ReceiverTimeout,
        };
    }

    public async Task<WebhookDeliveryAttempt> SendAsync(
        WebhookSubscription subscription,
        WebhookEvent webhookEvent,
        int attempt,
        bool badSignature,
        CancellationToken cancellationToken)
    {
        var signature = badSignature
            ? WebhookSignature.ComputeWrong(subscription.NotificationUrl, subscription.SignatureKey, webhookEvent.Body)
            : WebhookSignature.Compute(subscription.NotificationUrl, subscription.SignatureKey, webhookEvent.Body);
        using var content = new ByteArrayContent(webhookEvent.Body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, subscription.NotificationUrl) { Content = content };
        request.Headers.TryAddWithoutValidation(WebhookSignature.Header, signature);
        request.Headers.TryAddWithoutValidation("square-environment", "Sandbox");
        request.Headers.TryAddWithoutValidation("User-Agent", "Square Connect v2");

        int? statusCode = null;
        string? error = null;
        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            statusCode = (int)response.StatusCode;
        }
        catch (HttpRequestException exception)
        {
            error = exception.Message;
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            error = "The receiver did not answer within 10 s.";
        }

        var result = new WebhookDeliveryAttempt(
            webhookEvent.EventId,
            webhookEvent.Type,
            attempt,
            webhookEvent.Duplicate,
            badSignature,
            statusCode,
            error,
            _time.GetUtcNow());
        _log.Add(result);
        Report(subscription, result);
        return result;
    }

    public void Dispose() => _http.Dispose();

    private void Report(WebhookSubscription subscription, WebhookDeliveryAttempt result)
    {
        if (result.StatusCode is not { } statusCode)
        {
            WebhookLog.Unreachable(_logger, result.Type, result.EventId, subscription.NotificationUrl, result.Attempt, result.Error ?? "no answer");
        }
        else if (result.Delivered)
        {
            WebhookLog.Delivered(_logger, result.Type, result.EventId, subscription.NotificationUrl, result.Attempt, statusCode);
        }
        else
        {
            WebhookLog.Refused(_logger, subscription.NotificationUrl, statusCode, result.Type, result.EventId, result.Attempt);
        }
    }
}
