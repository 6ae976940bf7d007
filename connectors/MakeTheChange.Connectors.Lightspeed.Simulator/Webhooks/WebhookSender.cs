using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;

namespace MakeTheChange.Connectors.Lightspeed.Simulator.Webhooks;

/// <summary>POSTs one event the way X-Series does, and records the attempt.</summary>
internal sealed class WebhookSender : IDisposable
{
    /// <summary>The receiver has 5 s to answer with a 2xx, or the delivery counts as failed (x-series-api.lightspeedhq.com/docs/webhooks).</summary>
    private static readonly TimeSpan ReceiverTimeout = TimeSpan.FromSeconds(5);

    private readonly HttpClient _http;
    private readonly WebhookDeliveryLog _log;
    private readonly TimeProvider _time;
    private readonly ILogger<WebhookSender> _logger;

    public WebhookSender(WebhookDeliveryLog log, TimeProvider time, ILogger<WebhookSender> logger)
    {
        _log = log;
        _time = time;
        _logger = logger;

        // Only a 2xx acknowledges a delivery, so redirects are not followed.
        _http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, PooledConnectionLifetime = TimeSpan.FromMinutes(1) })
        {
            Timeout = ReceiverTimeout,
        };
    }

    /// <summary>The <c>X-Signature</c> value this event carries to this subscription, or null when it is unsigned.</summary>
    public static string? SignatureFor(WebhookSubscription subscription, WebhookEvent webhookEvent, bool badSignature)
    {
        if (badSignature)
        {
            return WebhookSignature.HeaderValue(WebhookSignature.ComputeWrong(
                subscription.ClientSecret, subscription.SignatureInput, subscription.SignatureEncoding, webhookEvent.Body, webhookEvent.Payload));
        }

        return subscription.Signs
            ? WebhookSignature.HeaderValue(WebhookSignature.Compute(
                subscription.ClientSecret!, subscription.SignatureInput, subscription.SignatureEncoding, webhookEvent.Body, webhookEvent.Payload))
            : null;
    }

    public async Task<WebhookDeliveryAttempt> SendAsync(
        WebhookSubscription subscription,
        WebhookEvent webhookEvent,
        int attempt,
        bool badSignature,
        CancellationToken cancellationToken)
    {
        using var content = new ByteArrayContent(webhookEvent.Body);
        content.Headers.ContentType = new MediaTypeHeaderValue(WebhookForm.ContentType) { CharSet = "utf-8" };
        using var request = new HttpRequestMessage(HttpMethod.Post, subscription.Url) { Content = content };
        if (SignatureFor(subscription, webhookEvent, badSignature) is { } signature)
        {
            request.Headers.TryAddWithoutValidation(WebhookSignature.Header, signature);
        }

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
            error = "The receiver did not answer within 5 s.";
        }

        var result = new WebhookDeliveryAttempt(
            webhookEvent.Type,
            webhookEvent.EntityId,
            webhookEvent.Version,
            attempt,
            webhookEvent.Duplicate,
            badSignature,
            Dropped: false,
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
            WebhookLog.Unreachable(_logger, result.Type, result.EntityId, subscription.Url, result.Attempt, result.Error ?? "no answer");
        }
        else if (result.Delivered)
        {
            WebhookLog.Delivered(_logger, result.Type, result.EntityId, subscription.Url, result.Attempt, statusCode);
        }
        else
        {
            WebhookLog.Refused(_logger, subscription.Url, statusCode, result.Type, result.EntityId, result.Attempt);
        }
    }
}
