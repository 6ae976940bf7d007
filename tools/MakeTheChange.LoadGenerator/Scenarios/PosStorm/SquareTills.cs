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
internal sealed class SquareTills : ISimulatedPos
{
    private const string AccessToken = "storm-square-access-token";
    private const string SignatureKey = "storm-square-signature-key";

    private readonly SquareSimulatorHost _square;

    private SquareTills(SquareSimulatorHost square, IReadOnlyList<string> stores)
    {
        _square = square;
        Stores = stores;
    }

    public string Vendor => "Square";

    public string ConnectionId => "storm-square";

    public string Source => $"square:{ConnectionId}";

    public IReadOnlyList<string> Stores { get; }

    /// <summary>Starts the simulator with the hub's counts as they stand (<paramref name="onHand"/> everywhere) and connects the hub to it.</summary>
    public static async Task<SquareTills> StartAsync(ServerUnderTest hub, IReadOnlyList<string> stores, IReadOnlyList<string> skus, int onHand, CancellationToken cancellationToken)
    {
        var square = await SquareSimulatorHost.StartAsync(new SquareSimulatorOptions { AccessToken = AccessToken }, cancellationToken);
        var tills = new SquareTills(square, stores);
        try
        {
            foreach (var store in stores)
            {
                square.Simulator.UpsertLocation(Location(store), $"Square {store}");
            }

            foreach (var sku in skus)
            {
                square.Simulator.UpsertVariation(Variation(sku), new VariationUpsert { Name = sku, Sku = sku, PriceCents = 1290 });
                foreach (var store in stores)
                {
                    square.Simulator.InjectInventoryDrift(Variation(sku), Location(store), onHand);
                }
            }

            var notificationUrl = new Uri(hub.Nodes[0].Client.BaseAddress!, $"webhooks/square/{tills.ConnectionId}").ToString();
            square.Simulator.ConfigureWebhooks(new WebhookSettings { NotificationUrl = notificationUrl, SignatureKey = SignatureKey });
            await HubConnections.PutAsync(
                hub,
                tills.ConnectionId,
                new
                {
                    kind = "square",
                    baseUrl = square.BaseUrl.ToString(),
                    accessToken = AccessToken,
                    webhookSignatureKey = SignatureKey,
                    notificationUrl,
                    locations = stores.ToDictionary(Location, store => store, StringComparer.Ordinal),
                },
                cancellationToken);
            return tills;
        }
        catch
        {
            await tills.DisposeAsync();
            throw;
        }
    }

    public string MovementIdPrefix(string saleId) => $"sq-{saleId}-";

    public string Ring(string store, IReadOnlyList<string> skus) =>
        _square.Simulator.RecordSale(Location(store), new TillSale { Lines = [.. skus.Select(sku => new TillLine { VariationId = Variation(sku), Quantity = 1 })] }).OrderId;

    public long ApiRequests => _square.Simulator.GetStats().TotalRequests;

    public WebhookTally Webhooks() => WebhookTally.Of(_square.Simulator.GetWebhookDeliveries(), attempt => attempt.StatusCode, attempt => attempt.Attempt);

    public async Task<HttpStatusCode?> SendForgedSaleNoticeAsync(CancellationToken cancellationToken)
    {
        var body = JsonSerializer.Serialize(new
        {
            merchant_id = _square.Simulator.MerchantId,
            type = "payment.updated",
            event_id = Guid.NewGuid().ToString(),
            created_at = DateTimeOffset.UtcNow,
            data = new { type = "payment", id = "FORGED", @object = new { payment = new { id = "FORGED", order_id = "FORGED", status = "COMPLETED" } } },
        });
        var sent = await _square.Simulator.SendRawWebhookAsync(new RawWebhook { Body = body, BadSignature = true }, cancellationToken);
        return (HttpStatusCode?)sent.StatusCode;
    }

    public ValueTask DisposeAsync() => _square.DisposeAsync();

    private static string Location(string store) => $"SQ-{store}";

    private static string Variation(string sku) => $"VAR-{sku}";
}
