using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using MakeTheChange.Connectors.Lightspeed.Simulator;
using MakeTheChange.Connectors.Lightspeed.Simulator.Faults;
using MakeTheChange.Connectors.Lightspeed.Simulator.Products;
using MakeTheChange.Connectors.Lightspeed.Simulator.RateLimiting;
using MakeTheChange.Connectors.Lightspeed.Simulator.Tills;
using MakeTheChange.Connectors.Lightspeed.Simulator.Webhooks;
using MakeTheChange.Hub.Tests.Infrastructure;

namespace MakeTheChange.Hub.Tests.Connectors;

/// <summary>
/// The Lightspeed X-Series simulator wired to a test hub. Lightspeed ids are UUIDs: each store and SKU
/// gets one derived from its name.
/// </summary>
public sealed class LightspeedPosUnderTest : IPosUnderTest
{
    private static readonly string[] FeedEndpoints = ["GET /api/2.0/sales", "GET /api/2.0/inventory"];

    private LightspeedSimulatorHost _lightspeed = null!;
    private WebhookSettings _webhooks = null!;
    private string _lastForgedPayload = string.Empty;

    public string SaleEventType => "sale.update";

    public LightspeedSimulator Lightspeed => _lightspeed.Simulator;

    /// <summary>The connection's settings (PUT /api/connections); tests of one setting change them before connecting.</summary>
    public Dictionary<string, object> Settings { get; } = new(StringComparer.Ordinal) { ["registers"] = 1 };

    /// <summary>The client secret; empty connects a hub that takes unsigned webhooks.</summary>
    public string ClientSecret { get; set; } = PosSecrets.SignatureKey;

    public static string Outlet(string store) => Uuid($"outlet:{store}");

    public static string Product(string sku) => Uuid($"product:{sku}");

    public async Task ConnectAsync(TestHub hub, string connectionId, IReadOnlyList<string> stores, IReadOnlyList<string> skus)
    {
        _lightspeed = await LightspeedSimulatorHost.StartAsync(new LightspeedSimulatorOptions { AccessToken = PosSecrets.AccessToken });
        foreach (var store in stores)
        {
            Lightspeed.UpsertOutlet(Outlet(store), $"Lightspeed {store}");
        }

        // Lightspeed starts with the hub's counts, set before anyone subscribes to webhooks: the
        // notices of this setup would otherwise reach the hub later and set off polls no test expects.
        foreach (var sku in skus)
        {
            Lightspeed.UpsertProduct(Product(sku), new ProductUpsert { Sku = sku, Name = sku });
            foreach (var store in stores)
            {
                var onHand = (await hub.Client.GetJsonAsync($"/api/stock/{sku}/{store}")).Int("onHand");
                Lightspeed.SetInventory(Product(sku), Outlet(store), onHand);
            }
        }

        var notificationUrl = new Uri(hub.Client.BaseAddress!, $"webhooks/lightspeed/{connectionId}").ToString();
        _webhooks = new WebhookSettings
        {
            Url = notificationUrl,
            ClientSecret = ClientSecret,
            SignatureInput = Settings.GetValueOrDefault("signatureInput") as string == "payload" ? WebhookSignatureInput.Payload : WebhookSignatureInput.RawBody,
            SignatureEncoding = Settings.GetValueOrDefault("signatureEncoding") as string == "base64" ? WebhookSignatureEncoding.Base64 : WebhookSignatureEncoding.Hex,
        };
        Lightspeed.ConfigureWebhooks(_webhooks);

        using var put = await hub.Client.PutAsJsonAsync($"/api/connections/{connectionId}", new
        {
            kind = "lightspeed-x",
            baseUrl = _lightspeed.BaseUrl.ToString(),
            accessToken = PosSecrets.AccessToken,
            webhookSignatureKey = ClientSecret,
            notificationUrl,
            locations = stores.ToDictionary(Outlet, store => store, StringComparer.Ordinal),
            settings = Settings,
        });
        put.EnsureSuccessStatusCode();
    }

    public Task RingSaleAsync(string store, string sku, int quantity) => RingAsync(store, sku, quantity);

    public Task RingReturnAsync(string store, string sku, int quantity) => RingAsync(store, sku, -quantity);

    public Task RingSaleOfUnknownItemAsync(string store, string sku, int quantity)
    {
        Lightspeed.UpsertProduct(Product(sku), new ProductUpsert { Sku = sku, Name = sku });
        return RingAsync(store, sku, quantity);
    }

    public Task<int> CountAsync(string store, string sku) =>
        Task.FromResult((int)(Lightspeed.GetInventory(Product(sku), Outlet(store))?.Amount ?? 0));

    public Task InjectDriftAsync(string store, string sku, int count)
    {
        Lightspeed.InjectInventoryDrift(Product(sku), Outlet(store), count);
        return Task.CompletedTask;
    }

    public void DropNextWebhooks(int count) => Lightspeed.ConfigureWebhooks(_webhooks with { DropNext = count });

    public Task SetWebhooksAsync(WebhookBehaviour behaviour)
    {
        Lightspeed.ConfigureWebhooks(_webhooks with
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
        var sale = Lightspeed.RecordSale(Outlet(store), new TillSale { Lines = [new TillLine { ProductId = Product(sku), Quantity = quantity }] });
        await SetWebhooksAsync(WebhookBehaviour.Normal);
        _lastForgedPayload = JsonSerializer.Serialize(new
        {
            id = sale.SaleId,
            outlet_id = Outlet(store),
            status = "CLOSED",
            version = sale.Version,
            register_sale_products = new[] { new { product_id = Product(sku), quantity } },
        });
        return (HttpStatusCode)(await Lightspeed.SendRawWebhookAsync(new RawWebhook { Type = SaleEventType, Payload = _lastForgedPayload, BadSignature = true })).StatusCode!;
    }

    public async Task<HttpStatusCode> ResendForgedEventGenuinelyAsync() =>
        (HttpStatusCode)(await Lightspeed.SendRawWebhookAsync(new RawWebhook { Type = SaleEventType, Payload = _lastForgedPayload })).StatusCode!;

    public async Task<(int AfterFresh, int AfterStale)> SendFreshThenStaleStockNoticesAsync(string store, string sku)
    {
        var reads = Reads();
        await SendInventoryNoticeAsync(store, sku, version: long.MaxValue / 2);
        await Eventually.ReturnsAsync(() => Task.FromResult(Reads() - reads), count => count > 0, TimeSpan.FromSeconds(5));
        var afterFresh = await ReadsOnceQuietAsync() - reads;

        reads = Reads();
        await SendInventoryNoticeAsync(store, sku, version: 1);
        await Task.Delay(TimeSpan.FromSeconds(1));
        return ((int)afterFresh, (int)(Reads() - reads));
    }

    public Task SetRateLimitStormAsync(bool raging)
    {
        // The store's other apps and tills ate its budget: one request per ten seconds is all that is left.
        if (raging)
        {
            Lightspeed.SetRateLimit(new RateLimitSettings { Limit = 1, WindowSeconds = 10 });
        }
        else
        {
            Lightspeed.ResetRateLimit();
        }

        return Task.CompletedTask;
    }

    public Task SetOutageAsync(bool down)
    {
        Lightspeed.SetFaults(new SimulatorFaults { Outage = down });
        return Task.CompletedTask;
    }

    public Task<long> RateLimitedAsync() => Task.FromResult(Lightspeed.GetStats().RateLimited);

    public async ValueTask DisposeAsync() => await _lightspeed.DisposeAsync();

    private static string Uuid(string name) => new Guid(SHA256.HashData(Encoding.UTF8.GetBytes(name)).AsSpan(0, 16)).ToString();

    private Task RingAsync(string store, string sku, int quantity)
    {
        Lightspeed.RecordSale(Outlet(store), new TillSale { Lines = [new TillLine { ProductId = Product(sku), Quantity = quantity }] });
        return Task.CompletedTask;
    }

    /// <summary>The feed reads once a poll has finished: one more read in the last quarter second means it has not.</summary>
    private Task<long> ReadsOnceQuietAsync() => Eventually.SettledAsync(Reads, TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(60));

    private long Reads() => FeedEndpoints.Sum(endpoint => Lightspeed.GetStats().Requests.GetValueOrDefault(endpoint));

    private async Task SendInventoryNoticeAsync(string store, string sku, long version)
    {
        var payload = JsonSerializer.Serialize(new { id = Guid.NewGuid().ToString(), outlet_id = Outlet(store), product_id = Product(sku), count = 10, version });
        var sent = await Lightspeed.SendRawWebhookAsync(new RawWebhook { Type = "inventory.update", Payload = payload });
        if (sent.StatusCode != 200)
        {
            throw new InvalidOperationException($"The hub refused a genuine Lightspeed notice: {sent.StatusCode} {sent.Error}");
        }
    }
}
