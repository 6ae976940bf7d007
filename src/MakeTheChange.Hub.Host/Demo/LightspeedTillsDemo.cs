using System.Text.Json;
using MakeTheChange.Connectors.Lightspeed.Simulator;
using MakeTheChange.Connectors.Lightspeed.Simulator.Products;
using MakeTheChange.Connectors.Lightspeed.Simulator.Tills;
using MakeTheChange.Connectors.Lightspeed.Simulator.Webhooks;
using MakeTheChange.Hub.Connections;
using Microsoft.AspNetCore.Builder;

namespace MakeTheChange.Hub.Host.Demo;

/// <summary>Three Urban Therapy stores on simulated Lightspeed X-Series tills, beside the Square ones.</summary>
internal static class LightspeedTillsDemo
{
    private const string ConnectionId = "demo-lightspeed";
    private const string AccessToken = "demo-lightspeed-access-token";
    private const string ClientSecret = "demo-lightspeed-client-secret";

    private static readonly Dictionary<string, string> Stores = new(StringComparer.Ordinal)
    {
        ["ut-gent"] = "0a4b7d1e-0000-4000-8000-00000000a001",
        ["ut-antwerpen"] = "0a4b7d1e-0000-4000-8000-00000000a002",
        ["ut-liege"] = "0a4b7d1e-0000-4000-8000-00000000a003",
    };

    private static readonly Dictionary<string, string> Products = new(StringComparer.Ordinal)
    {
        ["ILANGA-MIEL-250"] = "0a4b7d1e-0000-4000-8000-00000000b001",
        ["ILANGA-COFFRET-3MIELS"] = "0a4b7d1e-0000-4000-8000-00000000b002",
        ["HABEEBEE-COFFRET-SAVONS"] = "0a4b7d1e-0000-4000-8000-00000000b003",
    };

    public static async Task<string> StartAsync(WebApplication app, CancellationToken stopping)
    {
        var lightspeed = await LightspeedSimulatorHost.StartAsync(new LightspeedSimulatorOptions { AccessToken = AccessToken, Registers = Stores.Count }, stopping);
        DemoTills.StopWithHub(app, lightspeed);
        foreach (var (store, outlet) in Stores)
        {
            lightspeed.Simulator.UpsertOutlet(outlet, store);
        }

        foreach (var (sku, product) in Products)
        {
            lightspeed.Simulator.UpsertProduct(product, new ProductUpsert { Sku = sku, Name = sku, Price = 12.90m });
        }

        await DemoTills.MirrorHubCountsAsync(app, Stores.Keys, (sku, store, onHand) => lightspeed.Simulator.InjectInventoryDrift(Products[sku], Stores[store], onHand), stopping);
        var notificationUrl = DemoTills.WebhookUrl(app, "webhooks/lightspeed", ConnectionId);
        lightspeed.Simulator.ConfigureWebhooks(new WebhookSettings { Url = notificationUrl.ToString(), ClientSecret = ClientSecret });
        await DemoTills.ConnectAndRingAsync(
            app,
            new PosConnection(
                ConnectionId,
                "lightspeed-x",
                lightspeed.BaseUrl,
                AccessToken,
                ClientSecret,
                notificationUrl,
                Stores.ToDictionary(pair => pair.Value, pair => pair.Key, StringComparer.Ordinal),
                JsonSerializer.SerializeToElement(new { registers = Stores.Count }),
                DateTimeOffset.UtcNow),
            (store, sku, quantity) => lightspeed.Simulator.RecordSale(Stores[store], new TillSale { Lines = [new TillLine { ProductId = Products[sku], Quantity = quantity }] }),
            stopping);
        return $"Lightspeed tills ringing sales at {string.Join(", ", Stores.Keys)} (simulator {lightspeed.BaseUrl}); see /api/connections/{ConnectionId}";
    }
}
