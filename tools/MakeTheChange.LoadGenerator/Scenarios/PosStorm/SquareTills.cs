using System.Net;
using System.Text.Json;
using MakeTheChange.Connectors.Square.Simulator;
using MakeTheChange.Connectors.Square.Simulator.Catalog;
using MakeTheChange.Connectors.Square.Simulator.Tills;
using MakeTheChange.Connectors.Square.Simulator.Webhooks;
using MakeTheChange.LoadGenerator.Servers;

namespace MakeTheChange.LoadGenerator.Scenarios.PosStorm;

/// <summary>
/// A Square simulator with a location per store ("SQ-{store}") and a variation per SKU ("VAR-{sku}"),
/// connected to the hub. A till sale makes an order and sends payment.created, payment.updated and
/// inventory.count.updated; the hub's movement ids are <c>sq-{orderId}-{lineUid}</c>.
/// </summary>
internal sealed class SquareTills(SquareSimulatorHost square, IReadOnlyList<string> stores) : SimulatedPos<SquareSimulator>(square, stores), ISimulatedPos
{
    private const string AccessToken = "storm-square-access-token";
    private const string SignatureKey = "storm-square-signature-key";

    public string Vendor => "Square";

    public override string ConnectionId => "storm-square";

    public string Source => $"square:{ConnectionId}";

    public long ApiRequests => Simulator.GetStats().TotalRequests;

    protected override string WebhookRoute => "square";

    /// <summary>Starts the simulator with the hub's counts as they stand (<paramref name="onHand"/> everywhere) and connects the hub to it.</summary>
    public static async Task<SquareTills> StartAsync(ServerUnderTest hub, IReadOnlyList<string> stores, IReadOnlyList<string> skus, int onHand, CancellationToken cancellationToken)
    {
        var square = await SquareSimulatorHost.StartAsync(new SquareSimulatorOptions { AccessToken = AccessToken }, cancellationToken);
        return await ConnectAsync(new SquareTills(square, stores), hub, skus, onHand, cancellationToken);
    }

    public string MovementIdPrefix(string saleId) => $"sq-{saleId}-";

    public string Ring(string store, IReadOnlyList<string> skus) =>
        Simulator.RecordSale(Location(store), new TillSale { Lines = [.. skus.Select(sku => new TillLine { VariationId = Variation(sku), Quantity = 1 })] }).OrderId;

    public WebhookTally Webhooks() => WebhookTally.Of(Simulator.GetWebhookDeliveries(), attempt => attempt.StatusCode, attempt => attempt.Attempt);

    public async Task<HttpStatusCode?> SendForgedSaleNoticeAsync(CancellationToken cancellationToken)
    {
        var body = JsonSerializer.Serialize(new
        {
            merchant_id = Simulator.MerchantId,
            type = "payment.updated",
            event_id = Guid.NewGuid().ToString(),
            created_at = DateTimeOffset.UtcNow,
            data = new { type = "payment", id = "FORGED", @object = new { payment = new { id = "FORGED", order_id = "FORGED", status = "COMPLETED" } } },
        });
        var sent = await Simulator.SendRawWebhookAsync(new RawWebhook { Body = body, BadSignature = true }, cancellationToken);
        return (HttpStatusCode?)sent.StatusCode;
    }

    protected override void AddStore(string store) => Simulator.UpsertLocation(Location(store), $"Square {store}");

    protected override void AddProduct(string sku) =>
        Simulator.UpsertVariation(Variation(sku), new VariationUpsert { Name = sku, Sku = sku, PriceCents = 1290 });

    protected override void SetCount(string sku, string store, int onHand) => Simulator.InjectInventoryDrift(Variation(sku), Location(store), onHand);

    protected override void Subscribe(string notificationUrl) =>
        Simulator.ConfigureWebhooks(new WebhookSettings { NotificationUrl = notificationUrl, SignatureKey = SignatureKey });

    protected override object Connection(string notificationUrl) => new
    {
        kind = "square",
        baseUrl = BaseUrl.ToString(),
        accessToken = AccessToken,
        webhookSignatureKey = SignatureKey,
        notificationUrl,
        locations = Stores.ToDictionary(Location, store => store, StringComparer.Ordinal),
    };

    private static string Location(string store) => $"SQ-{store}";

    private static string Variation(string sku) => $"VAR-{sku}";
}
