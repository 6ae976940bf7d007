using System.Net.Http.Headers;
using MakeTheChange.Connectors.Simulation.Webhooks;

namespace MakeTheChange.Connectors.Square.Simulator.Webhooks;

/// <summary>
/// How Square sends a webhook (pos-apis.md §1.6): the JSON envelope as is, signed in
/// <c>x-square-hmacsha256-signature</c>, with Square's environment and user-agent headers. The shared
/// delivery does the rest.
/// </summary>
internal sealed class SquareWebhookProtocol(WebhookDeliveryLog<WebhookDeliveryAttempt> deliveries) : IWebhookProtocol<WebhookSubscription, WebhookEvent>
{
    /// <summary>Square waits 10 s for a 2xx before it counts the delivery as failed (pos-apis.md §1.6).</summary>
    public TimeSpan ReceiverTimeout { get; } = TimeSpan.FromSeconds(10);

    /// <summary>Square retries after 1, 2, 4... minutes; a simulator for tests retries within seconds.</summary>
    public IReadOnlyList<TimeSpan> RetryDelays => WebhookRetryDelays.WithinSeconds;

    public void Write(HttpRequestMessage request, WebhookSubscription subscription, WebhookEvent webhookEvent, bool badSignature)
    {
        request.Content = new ByteArrayContent(webhookEvent.Body);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.TryAddWithoutValidation(WebhookSignature.Header, SignatureFor(subscription, webhookEvent.Body, badSignature));
        request.Headers.TryAddWithoutValidation("square-environment", "Sandbox");
        request.Headers.TryAddWithoutValidation("User-Agent", "Square Connect v2");
    }

    public string Describe(WebhookEvent webhookEvent) => $"{webhookEvent.Type} {webhookEvent.EventId}";

    public void Record(WebhookEvent webhookEvent, WebhookAttempt attempt) =>
        deliveries.Add(new WebhookDeliveryAttempt(
            webhookEvent.EventId,
            webhookEvent.Type,
            attempt.Number,
            attempt.Duplicate,
            attempt.BadSignature,
            attempt.StatusCode,
            attempt.Error,
            attempt.AttemptedAt));

    /// <summary>The <c>x-square-hmacsha256-signature</c> value of <paramref name="body"/> sent to this subscription.</summary>
    public static string SignatureFor(WebhookSubscription subscription, byte[] body, bool badSignature) =>
        badSignature
            ? WebhookSignature.ComputeWrong(subscription.NotificationUrl, subscription.SignatureKey, body)
            : WebhookSignature.Compute(subscription.NotificationUrl, subscription.SignatureKey, body);
}
