using System.Globalization;
using Microsoft.Extensions.Logging;

namespace MakeTheChange.Connectors.Simulation.Webhooks;

/// <summary>POSTs one event as the vendor's protocol writes it, has the attempt recorded, and logs how it went.</summary>
public sealed class WebhookSender<TSubscription, TEvent> : IDisposable
    where TSubscription : IWebhookSubscription
{
    private readonly HttpClient _http;
    private readonly IWebhookProtocol<TSubscription, TEvent> _protocol;
    private readonly TimeProvider _time;
    private readonly ILogger<WebhookSender<TSubscription, TEvent>> _logger;

    public WebhookSender(IWebhookProtocol<TSubscription, TEvent> protocol, TimeProvider time, ILogger<WebhookSender<TSubscription, TEvent>> logger)
    {
        ArgumentNullException.ThrowIfNull(protocol);
        _protocol = protocol;
        _time = time;
        _logger = logger;

        // Only a 2xx acknowledges a delivery (a 3xx is a failure too), so redirects are not followed.
        _http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, PooledConnectionLifetime = TimeSpan.FromMinutes(1) })
        {
            Timeout = protocol.ReceiverTimeout,
        };
    }

    public async Task<WebhookAttempt> SendAsync(
        TSubscription subscription,
        TEvent webhookEvent,
        int attempt,
        bool duplicate,
        bool badSignature,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        int? statusCode = null;
        string? error = null;
        using (var request = new HttpRequestMessage(HttpMethod.Post, subscription.Url))
        {
            _protocol.Write(request, subscription, webhookEvent, badSignature);
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
                error = string.Create(CultureInfo.InvariantCulture, $"The receiver did not answer within {_protocol.ReceiverTimeout.TotalSeconds} s.");
            }
        }

        var result = new WebhookAttempt(attempt, duplicate, badSignature, statusCode, error, _time.GetUtcNow());
        _protocol.Record(webhookEvent, result);
        Report(subscription, webhookEvent, result);
        return result;
    }

    public void Dispose() => _http.Dispose();

    private void Report(TSubscription subscription, TEvent webhookEvent, WebhookAttempt result)
    {
        var description = _protocol.Describe(webhookEvent);
        if (result.StatusCode is not { } statusCode)
        {
            WebhookLog.Unreachable(_logger, description, subscription.Url, result.Number, result.Error ?? "no answer");
        }
        else if (result.Delivered)
        {
            WebhookLog.Delivered(_logger, description, subscription.Url, result.Number, statusCode);
        }
        else
        {
            WebhookLog.Refused(_logger, subscription.Url, statusCode, description, result.Number);
        }
    }
}
