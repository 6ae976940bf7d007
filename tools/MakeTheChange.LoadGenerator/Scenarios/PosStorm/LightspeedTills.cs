using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using MakeTheChange.Connectors.Lightspeed.Simulator;
using MakeTheChange.Connectors.Lightspeed.Simulator.Products;
using MakeTheChange.Connectors.Lightspeed.Simulator.RateLimiting;
using MakeTheChange.Connectors.Lightspeed.Simulator.Tills;
using MakeTheChange.Connectors.Lightspeed.Simulator.Webhooks;
using MakeTheChange.LoadGenerator.Servers;

namespace MakeTheChange.LoadGenerator.Scenarios.PosStorm;

/// <summary>
/// A Lightspeed X-Series simulator, one store account with an outlet (and a register) per hub store and a
/// product per SKU (UUIDs derived from the names), connected to the hub. A till sale sends sale.update and
/// an inventory.update per line; the hub polls the feeds on them and writes <c>ls-{saleId}-{lineId}</c>.
/// </summary>
internal sealed class LightspeedTills(LightspeedSimulatorHost lightspeed, IReadOnlyList<string> stores) : SimulatedPos<LightspeedSimulator>(lightspeed, stores), ISimulatedPos
{
    private const string AccessToken = "storm-lightspeed-access-token";
    private const string ClientSecret = "storm-lightspeed-client-secret";

    public string Vendor => "Lightspeed";

    public override string ConnectionId => "storm-lightspeed";

    public string Source => $"lightspeed-x:{ConnectionId}";

    /// <summary>The store's request budget in force and the most requests the hub made in any window of it.</summary>
    public RateLimitStatus RateLimit => Simulator.GetRateLimit();

    /// <summary>Requests Lightspeed refused with 429.</summary>
    public long RateLimited => Simulator.GetStats().RateLimited;

    public long ApiRequests => Simulator.GetStats().TotalRequests;

    protected override string WebhookRoute => "lightspeed";

    /// <summary>
    /// Starts the simulator with the hub's counts as they stand (<paramref name="onHand"/> everywhere) and
    /// connects the hub to it. The store has a register per outlet, and the connection says so, so the
    /// hub's governor allows it the budget such a store has (300 × registers + 50 requests per 5 minutes).
    /// </summary>
    public static async Task<LightspeedTills> StartAsync(ServerUnderTest hub, IReadOnlyList<string> stores, IReadOnlyList<string> skus, int onHand, CancellationToken cancellationToken)
    {
        var lightspeed = await LightspeedSimulatorHost.StartAsync(new LightspeedSimulatorOptions { AccessToken = AccessToken, Registers = stores.Count }, cancellationToken);
        return await ConnectAsync(new LightspeedTills(lightspeed, stores), hub, skus, onHand, cancellationToken);
    }

    public string MovementIdPrefix(string saleId) => $"ls-{saleId}-";

    public string Ring(string store, IReadOnlyList<string> skus) =>
        Simulator.RecordSale(Outlet(store), new TillSale { Lines = [.. skus.Select(sku => new TillLine { ProductId = Product(sku), Quantity = 1 })] }).SaleId;

    public WebhookTally Webhooks() => WebhookTally.Of(Simulator.GetWebhookDeliveries(), attempt => attempt.StatusCode, attempt => attempt.Attempt);

    public async Task<HttpStatusCode?> SendForgedSaleNoticeAsync(CancellationToken cancellationToken)
    {
        // Version 0 is behind any cursor: were it accepted, it would not even set off a poll.
        var payload = JsonSerializer.Serialize(new { id = Guid.NewGuid().ToString(), outlet_id = Outlet(Stores[0]), status = "CLOSED", version = 0 });
        var sent = await Simulator.SendRawWebhookAsync(new RawWebhook { Type = "sale.update", Payload = payload, BadSignature = true }, cancellationToken);
        return (HttpStatusCode?)sent.StatusCode;
    }

    protected override void AddStore(string store) => Simulator.UpsertOutlet(Outlet(store), $"Lightspeed {store}");

    protected override void AddProduct(string sku) =>
        Simulator.UpsertProduct(Product(sku), new ProductUpsert { Sku = sku, Name = sku, Price = 12.90m });

    protected override void SetCount(string sku, string store, int onHand) => Simulator.InjectInventoryDrift(Product(sku), Outlet(store), onHand);

    protected override void Subscribe(string notificationUrl) =>
        Simulator.ConfigureWebhooks(new WebhookSettings { Url = notificationUrl, ClientSecret = ClientSecret });

    protected override object Connection(string notificationUrl) => new
    {
        kind = "lightspeed-x",
        baseUrl = BaseUrl.ToString(),
        accessToken = AccessToken,
        webhookSignatureKey = ClientSecret,
        notificationUrl,
        locations = Stores.ToDictionary(Outlet, store => store, StringComparer.Ordinal),
        settings = new { registers = Stores.Count },
    };

    private static string Outlet(string store) => Uuid($"outlet:{store}");

    private static string Product(string sku) => Uuid($"product:{sku}");

    private static string Uuid(string name) => new Guid(SHA256.HashData(Encoding.UTF8.GetBytes(name)).AsSpan(0, 16)).ToString();
}
