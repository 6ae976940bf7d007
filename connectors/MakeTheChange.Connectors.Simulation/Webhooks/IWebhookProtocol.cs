namespace MakeTheChange.Connectors.Simulation.Webhooks;

/// <summary>
/// How one vendor's webhooks travel, the part of delivery that differs between vendors: how long a receiver
/// has to answer, the retry schedule, how a POST is encoded and signed, and how an attempt is logged.
/// </summary>
/// <typeparam name="TSubscription">The vendor's subscription, with its signing key and choices.</typeparam>
/// <typeparam name="TEvent">The vendor's event, its body built once and sent as is on every attempt.</typeparam>
public interface IWebhookProtocol<in TSubscription, in TEvent>
    where TSubscription : IWebhookSubscription
{
    /// <summary>How long the receiver has to answer before the attempt counts as failed.</summary>
    TimeSpan ReceiverTimeout { get; }

    /// <summary>The waits before each retry of a failed first attempt; after the last retry, delivery gives up.</summary>
    IReadOnlyList<TimeSpan> RetryDelays { get; }

    /// <summary>
    /// Sets the body, its content type and the vendor's headers on a POST to the subscription's URL, the
    /// signature made deliberately wrong when <paramref name="badSignature"/>.
    /// </summary>
    void Write(HttpRequestMessage request, TSubscription subscription, TEvent webhookEvent, bool badSignature);

    /// <summary>Names the event in log lines, such as "payment.created 6f1c…".</summary>
    string Describe(TEvent webhookEvent);

    /// <summary>Adds the attempt to the vendor's delivery log, in the vendor's terms.</summary>
    void Record(TEvent webhookEvent, WebhookAttempt attempt);
}
