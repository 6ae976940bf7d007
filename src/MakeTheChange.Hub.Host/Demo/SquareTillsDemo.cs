using System.Text.Json;
using MakeTheChange.Connectors.Square.Simulator;
using MakeTheChange.Connectors.Square.Simulator.Catalog;
using MakeTheChange.Connectors.Square.Simulator.Tills;
using MakeTheChange.Connectors.Square.Simulator.Webhooks;
using MakeTheChange.Hub.Connections;
using Microsoft.AspNetCore.Builder;

namespace MakeTheChange.Hub.Host.Demo;

/// <summary>Two Urban Therapy stores on simulated Square tills: a Square simulator on loopback, a connection to it, tills ringing sales.</summary>
internal static class SquareTillsDemo
{
    private const string ConnectionId = "demo-square";
    private const string AccessToken = "demo-square-access-token";
    private const string SignatureKey = "demo-square-signature-key";

    private static readonly Dictionary<string, string> Stores = new(StringComparer.Ordinal)
    {
        ["ut-bruxelles-sablon"] = "SQ-SABLON",
        ["ut-ixelles"] = "SQ-IXELLES",
    };

    public static async Task<string> StartAsync(WebApplication app, CancellationToken stopping)
    {
        var square = await SquareSimulatorHost.StartAsync(new SquareSimulatorOptions { AccessToken = AccessToken }, stopping);
        DemoTills.StopWithHub(app, square);
        foreach (var (store, location) in Stores)
        {
            square.Simulator.UpsertLocation(location, store);
        }

        foreach (var sku in DemoTills.Heroes)
        {
            square.Simulator.UpsertVariation(Variation(sku), new VariationUpsert { Name = sku, Sku = sku, PriceCents = 1290 });
        }

        await DemoTills.MirrorHubCountsAsync(app, Stores.Keys, (sku, store, onHand) => square.Simulator.InjectInventoryDrift(Variation(sku), Stores[store], onHand), stopping);
        var notificationUrl = DemoTills.WebhookUrl(app, "webhooks/square", ConnectionId);
        square.Simulator.ConfigureWebhooks(new WebhookSettings { NotificationUrl = notificationUrl.ToString(), SignatureKey = SignatureKey });
        await DemoTills.ConnectAndRingAsync(
            app,
            new PosConnection(
                ConnectionId,
                "square",
                square.BaseUrl,
                AccessToken,
                SignatureKey,
                notificationUrl,
                Stores.ToDictionary(pair => pair.Value, pair => pair.Key, StringComparer.Ordinal),
                JsonSerializer.SerializeToElement(new { }),
                DateTimeOffset.UtcNow),
            (store, sku, quantity) => square.Simulator.RecordSale(Stores[store], new TillSale { Lines = [new TillLine { VariationId = Variation(sku), Quantity = quantity }] }),
            stopping);
        return $"Square     tills ringing sales at {string.Join(" and ", Stores.Keys)} (simulator {square.BaseUrl}); see /api/connections/{ConnectionId}";
    }

    private static string Variation(string sku) => $"VAR-{sku}";
}
