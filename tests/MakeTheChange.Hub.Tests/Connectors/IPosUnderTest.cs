using System.Net;
using MakeTheChange.Hub.Tests.Infrastructure;

namespace MakeTheChange.Hub.Tests.Connectors;

/// <summary>
/// A POS simulator wired to a test hub, as the connector contract drives it. Each vendor (Square,
/// Lightspeed) implements it once; <see cref="PosConnectorContract{TPos}"/> holds the behaviour every
/// connector must show.
/// </summary>
public interface IPosUnderTest : IAsyncDisposable
{
    /// <summary>The type of the webhook event that announces a sale.</summary>
    string SaleEventType { get; }

    /// <summary>Starts the simulator with these stores and SKUs, its webhooks aimed at the hub, and connects the hub to it.</summary>
    Task ConnectAsync(TestHub hub, string connectionId, IReadOnlyList<string> stores, IReadOnlyList<string> skus);

    Task RingSaleAsync(string store, string sku, int quantity);

    Task RingReturnAsync(string store, string sku, int quantity);

    /// <summary>A sale of an item the POS has and the hub does not.</summary>
    Task RingSaleOfUnknownItemAsync(string store, string sku, int quantity);

    Task<int> CountAsync(string store, string sku);

    /// <summary>Changes the POS count without any event or change record: drift.</summary>
    Task InjectDriftAsync(string store, string sku, int count);

    Task SetWebhooksAsync(WebhookBehaviour behaviour);

    /// <summary>Rings a sale with webhooks off, then sends its event to the hub with a forged signature.</summary>
    Task<HttpStatusCode> ForgeSaleEventAsync(string store, string sku, int quantity);

    /// <summary>Sends the last forged event again, signed as the POS signs it.</summary>
    Task<HttpStatusCode> ResendForgedEventGenuinelyAsync();

    /// <summary>Sends the hub a stock notice, then an older one for the same item; returns how many stock reads each caused.</summary>
    Task<(int AfterFresh, int AfterStale)> SendFreshThenStaleStockNoticesAsync(string store, string sku);

    Task SetRateLimitStormAsync(bool raging);

    Task SetOutageAsync(bool down);

    /// <summary>Requests the POS refused with a rate limit so far.</summary>
    Task<long> RateLimitedAsync();
}
