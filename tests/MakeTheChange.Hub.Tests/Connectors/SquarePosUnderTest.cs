using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MakeTheChange.Connectors.Square.Simulator;
using MakeTheChange.Connectors.Square.Simulator.Catalog;
using MakeTheChange.Connectors.Square.Simulator.Faults;
using MakeTheChange.Connectors.Square.Simulator.Tills;
using MakeTheChange.Connectors.Square.Simulator.Webhooks;
using MakeTheChange.Hub.Tests.Infrastructure;

namespace MakeTheChange.Hub.Tests.Connectors;

/// <summary>The Square simulator wired to a test hub: hub store "x" is Square location "SQ-x", SKU "y" is variation "VAR-y".</summary>
public sealed class SquarePosUnderTest : IPosUnderTest
{
    private const string ChangesEndpoint = "POST /v2/inventory/changes/batch-retrieve";

    private SquareSimulatorHost _square = null!;
    private WebhookSettings _webhooks = null!;
    private string _lastForgedBody = string.Empty;

    public string SaleEventType => "payment.updated";

    private SquareSimulator Square => _square.Simulator;

    public async Task ConnectAsync(TestHub hub, string connectionId, IReadOnlyList<string> stores, IReadOnlyList<string> skus)
    {
        _square = await SquareSimulatorHost.StartAsync(new SquareSimulatorOptions { AccessToken = PosSecrets.AccessToken });
        foreach (var store in stores)
        {
            Square.UpsertLocation(Location(store), $"Square {store}");
        }

        foreach (var sku in skus)
        {
            Square.UpsertVariation(Variation(sku), new VariationUpsert { Name = sku, Sku = sku });

            // Square's partial SKU search also returns this one: the connector must keep the exact match.
            Square.UpsertVariation($"{Variation(sku)}-XL", new VariationUpsert { Name = $"{sku} XL", Sku = $"{sku}-XL" });
        }

        var notificationUrl = new Uri(hub.Client.BaseAddress!, $"webhooks/square/{connectionId}").ToString();
        _webhooks = new WebhookSettings { NotificationUrl = notificationUrl, SignatureKey = PosSecrets.SignatureKey };
        Square.ConfigureWebhooks(_webhooks);

        using var put = await hub.Client.PutAsJsonAsync($"/api/connections/{connectionId}", new
        {
            kind = "square",
            baseUrl = _square.BaseUrl.ToString(),
            accessToken = PosSecrets.AccessToken,
            webhookSignatureKey = PosSecrets.SignatureKey,
            notificationUrl,
            locations = stores.ToDictionary(Location, store => store, StringComparer.Ordinal),
        });
        put.EnsureSuccessStatusCode();

        // Square starts with the hub's counts: reconciliation sets them.
        using var reconcile = await hub.Client.PostAsync($"/api/connections/{connectionId}/reconcile", content: null);
        reconcile.EnsureSuccessStatusCode();
    }

    public Task RingSaleAsync(string store, string sku, int quantity)
    {
        Square.RecordSale(Location(store), new TillSale { Lines = [new TillLine { VariationId = Variation(sku), Quantity = quantity }] });
        return Task.CompletedTask;
    }

    /// <summary>How many requests the hub made of this Square endpoint ("METHOD /route") so far.</summary>
    public long Requests(string endpoint) => Square.GetStats().Requests.GetValueOrDefault(endpoint);

    public Task RingReturnAsync(string store, string sku, int quantity)
    {
        Square.RecordReturn(Location(store), new TillReturn { Lines = [new TillLine { VariationId = Variation(sku), Quantity = quantity }] });
        return Task.CompletedTask;
    }

    public Task RingSaleOfUnknownItemAsync(string store, string sku, int quantity)
    {
        Square.UpsertVariation(Variation(sku), new VariationUpsert { Name = sku, Sku = sku });
        return RingSaleAsync(store, sku, quantity);
    }

    public Task<int> CountAsync(string store, string sku) =>
        Task.FromResult((int)(Square.GetInventoryCount(Variation(sku), Location(store))?.Quantity ?? 0));

    /// <summary>A recount typed into Square's dashboard (not a sale).</summary>
    public Task RecountInBackOfficeAsync(string store, string sku, int count)
    {
        Square.SetInventoryCount(Variation(sku), Location(store), count);
        return Task.CompletedTask;
    }

    public Task InjectDriftAsync(string store, string sku, int count)
    {
        Square.InjectInventoryDrift(Variation(sku), Location(store), count);
        return Task.CompletedTask;
    }

    public Task SetWebhooksAsync(WebhookBehaviour behaviour)
    {
        Square.ConfigureWebhooks(_webhooks with
        {
            Duplicate = behaviour == WebhookBehaviour.DuplicatedAndReordered,
            Reorder = behaviour == WebhookBehaviour.DuplicatedAndReordered,
            Enabled = behaviour != WebhookBehaviour.Off,
        });
        return Task.CompletedTask;
    }

    public async Task<HttpStatusCode> ForgeSaleEventAsync(string store, string sku, int quantity)
    {
        await SetWebhooksAsync(WebhookBehaviour.Off);
        var sale = Square.RecordSale(Location(store), new TillSale { Lines = [new TillLine { VariationId = Variation(sku), Quantity = quantity }] });
        await SetWebhooksAsync(WebhookBehaviour.Normal);
        _lastForgedBody = JsonSerializer.Serialize(new
        {
            merchant_id = Square.MerchantId,
            type = "payment.updated",
            event_id = Guid.NewGuid().ToString(),
            created_at = DateTimeOffset.UtcNow,
            data = new
            {
                type = "payment",
                id = sale.PaymentId,
                @object = new { payment = new { id = sale.PaymentId, order_id = sale.OrderId, location_id = Location(store), status = "COMPLETED" } },
            },
        });
        return (HttpStatusCode)(await Square.SendRawWebhookAsync(new RawWebhook { Body = _lastForgedBody, BadSignature = true })).StatusCode!;
    }

    public async Task<HttpStatusCode> ResendForgedEventGenuinelyAsync() =>
        (HttpStatusCode)(await Square.SendRawWebhookAsync(new RawWebhook { Body = _lastForgedBody, BadSignature = false })).StatusCode!;

    public async Task<(int AfterFresh, int AfterStale)> SendFreshThenStaleStockNoticesAsync(string store, string sku)
    {
        var reads = Reads();
        await SendCountNoticeAsync(store, sku, DateTimeOffset.UtcNow);
        await Eventually.ReturnsAsync(() => Task.FromResult(Reads() - reads), count => count > 0, TimeSpan.FromSeconds(5));
        var afterFresh = await ReadsOnceQuietAsync() - reads;

        reads = Reads();
        await SendCountNoticeAsync(store, sku, DateTimeOffset.UtcNow.AddHours(-1));
        await Task.Delay(TimeSpan.FromSeconds(1));
        return ((int)afterFresh, (int)(Reads() - reads));
    }

    public Task SetRateLimitStormAsync(bool raging)
    {
        Square.SetFaults(new SimulatorFaults { RateLimitAll = raging });
        return Task.CompletedTask;
    }

    public Task SetOutageAsync(bool down)
    {
        Square.SetFaults(new SimulatorFaults { Outage = down });
        return Task.CompletedTask;
    }

    public Task<long> RateLimitedAsync() => Task.FromResult(Square.GetStats().RateLimited);

    public async ValueTask DisposeAsync() => await _square.DisposeAsync();

    private static string Location(string store) => $"SQ-{store}";

    private static string Variation(string sku) => $"VAR-{sku}";

    private long Reads() => Square.GetStats().Requests.GetValueOrDefault(ChangesEndpoint);

    /// <summary>
    /// The change-feed reads once notices have stopped setting them off: the hub reads the feed at most once
    /// a second, so a notice may wait for the next turn after a read another one made.
    /// </summary>
    private Task<long> ReadsOnceQuietAsync() => Eventually.SettledAsync(Reads, TimeSpan.FromMilliseconds(1500), TimeSpan.FromSeconds(60));

    private async Task SendCountNoticeAsync(string store, string sku, DateTimeOffset calculatedAt)
    {
        var body = JsonSerializer.Serialize(new
        {
            merchant_id = Square.MerchantId,
            type = "inventory.count.updated",
            event_id = Guid.NewGuid().ToString(),
            created_at = DateTimeOffset.UtcNow,
            data = new
            {
                type = "inventory",
                id = Guid.NewGuid().ToString(),
                @object = new
                {
                    inventory_counts = new[]
                    {
                        new
                        {
                            catalog_object_id = Variation(sku),
                            catalog_object_type = "ITEM_VARIATION",
                            state = "IN_STOCK",
                            location_id = Location(store),
                            quantity = "10",
                            calculated_at = calculatedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture),
                        },
                    },
                },
            },
        });
        var sent = await Square.SendRawWebhookAsync(new RawWebhook { Body = body });
        if (sent.StatusCode != 200)
        {
            throw new InvalidOperationException($"The hub refused a genuine Square notice: {sent.StatusCode} {sent.Error}");
        }
    }
}
