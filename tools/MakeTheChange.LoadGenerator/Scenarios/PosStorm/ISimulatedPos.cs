using System.Net;

namespace MakeTheChange.LoadGenerator.Scenarios.PosStorm;

/// <summary>
/// One vendor's simulated POS, running in this process, with the tills of some of the hub's stores and a
/// signed webhook subscription to the hub.
/// </summary>
internal interface ISimulatedPos : IAsyncDisposable
{
    /// <summary>"Square" or "Lightspeed", as the report names it.</summary>
    string Vendor { get; }

    string ConnectionId { get; }

    /// <summary>The <c>source</c> of the hub movements this connection writes.</summary>
    string Source { get; }

    /// <summary>The hub locations this POS has tills at.</summary>
    IReadOnlyList<string> Stores { get; }

    /// <summary>What the movement id of every line of this sale starts with.</summary>
    string MovementIdPrefix(string saleId);

    /// <summary>Rings a sale of one unit of each SKU at the store's till; returns the POS's id of the sale.</summary>
    string Ring(string store, IReadOnlyList<string> skus);

    /// <summary>How many requests the hub made of the POS's API so far.</summary>
    long ApiRequests { get; }

    /// <summary>What the simulator's webhook delivery log shows so far.</summary>
    WebhookTally Webhooks();

    /// <summary>Sends a sale notice signed with the wrong key; a hub that checks signatures answers 401.</summary>
    Task<HttpStatusCode?> SendForgedSaleNoticeAsync(CancellationToken cancellationToken);
}
