using System.Net.Http.Headers;
using MakeTheChange.Connectors.Simulation.Webhooks;

namespace MakeTheChange.Connectors.Lightspeed.Simulator.Webhooks;

/// <summary>
/// How X-Series sends a webhook (x-series-api.lightspeedhq.com/docs/webhooks): the form body as is, signed in
/// <c>X-Signature</c> when the subscription has a client secret. The shared delivery does the rest.
/// </summary>
internal sealed class LightspeedWebhookProtocol(WebhookDeliveryLog<WebhookDeliveryAttempt> deliveries) : IWebhookProtocol<WebhookSubscription, WebhookEvent>
{
    /// <summary>The receiver has 5 s to answer with a 2xx, or the delivery counts as failed (x-series-api.lightspeedhq.com/docs/webhooks).</summary>
    public TimeSpan ReceiverTimeout { get; } = TimeSpan.FromSeconds(5);

    /// <summary>Lightspeed retries up to 20 times over 48 h (x-series-api.lightspeedhq.com/docs/webhooks); a simulator for tests retries within seconds.</summary>
    public IReadOnlyList<TimeSpan> RetryDelays => WebhookRetryDelays.WithinSeconds;

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

    public void Write(HttpRequestMessage request, WebhookSubscription subscription, WebhookEvent webhookEvent, bool badSignature)
    {
        request.Content = new ByteArrayContent(webhookEvent.Body);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(WebhookForm.ContentType) { CharSet = "utf-8" };
        if (SignatureFor(subscription, webhookEvent, badSignature) is { } signature)
        {
            request.Headers.TryAddWithoutValidation(WebhookSignature.Header, signature);
        }
    }

    public string Describe(WebhookEvent webhookEvent) => $"{webhookEvent.Type} of {webhookEvent.EntityId}";

    public void Record(WebhookEvent webhookEvent, WebhookAttempt attempt) =>
        deliveries.Add(new WebhookDeliveryAttempt(
            webhookEvent.Type,
            webhookEvent.EntityId,
            webhookEvent.Version,
            attempt.Number,
            attempt.Duplicate,
            attempt.BadSignature,
            Dropped: false,
            attempt.StatusCode,
            attempt.Error,
            attempt.AttemptedAt));
}
