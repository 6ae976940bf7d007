using System.Text.Json;
using MakeTheChange.Connectors.Square.Simulator;
using MakeTheChange.Connectors.Square.Simulator.Catalog;
using MakeTheChange.Connectors.Square.Simulator.Tills;
using MakeTheChange.Connectors.Square.Simulator.Webhooks;
using MakeTheChange.Grains;
using MakeTheChange.Hub.Connections;
using MakeTheChange.Hub.Stock;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace MakeTheChange.Hub.Host.Demo;

/// <summary>
/// Two Urban Therapy stores on simulated Square tills: a Square simulator on loopback, a connection to it,
/// and tills ringing a sale every few seconds, so the hub's stock moves while one watches. When a store
/// runs low, the hub receives a delivery for it, which the connector pushes back to Square.
/// </summary>
internal static class SquareTillsDemo
{
    private const string ConnectionId = "demo-square";
    private const string AccessToken = "demo-square-access-token";
    private const string SignatureKey = "demo-square-signature-key";
    private const int RestockBelow = 3;
    private const int RestockQuantity = 12;

    private static readonly (string SquareLocation, string Store)[] Stores =
    [
        ("SQ-SABLON", "ut-bruxelles-sablon"),
        ("SQ-IXELLES", "ut-ixelles"),
    ];

    private static readonly string[] Heroes = ["ILANGA-MIEL-250", "ILANGA-COFFRET-3MIELS", "HABEEBEE-COFFRET-SAVONS"];

    public static async Task<string> StartAsync(WebApplication app, CancellationToken stopping)
    {
        var square = await SquareSimulatorHost.StartAsync(new SquareSimulatorOptions { AccessToken = AccessToken }, stopping);
        app.Lifetime.ApplicationStopped.Register(() => square.DisposeAsync().AsTask().GetAwaiter().GetResult());
        foreach (var (squareLocation, store) in Stores)
        {
            square.Simulator.UpsertLocation(squareLocation, store);
        }

        var grains = app.Services.GetRequiredService<IGrainFactory>();
        foreach (var sku in Heroes)
        {
            square.Simulator.UpsertVariation($"VAR-{sku}", new VariationUpsert { Name = sku, Sku = sku, PriceCents = 1290 });

            // The stores already ran Square with the counts the hub has: set them as they stand, without any event.
            foreach (var (squareLocation, store) in Stores)
            {
                var level = (await grains.GetGrain<IStockGrain>(StockKey.Of(sku, store)).GetLevel(stopping)).Level!;
                square.Simulator.InjectInventoryDrift($"VAR-{sku}", squareLocation, level.OnHand);
            }
        }

        var hubUrl = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        var notificationUrl = new Uri(hubUrl, $"webhooks/square/{ConnectionId}");
        square.Simulator.ConfigureWebhooks(new WebhookSettings { NotificationUrl = notificationUrl.ToString(), SignatureKey = SignatureKey });

        var services = app.Services;
        await services.GetRequiredService<PosConnectionStore>().UpsertAsync(
            new PosConnection(
                ConnectionId,
                "square",
                square.BaseUrl,
                AccessToken,
                SignatureKey,
                notificationUrl,
                Stores.ToDictionary(pair => pair.SquareLocation, pair => pair.Store, StringComparer.Ordinal),
                JsonSerializer.SerializeToElement(new { }),
                DateTimeOffset.UtcNow),
            stopping);

        _ = RingTillsAsync(square.Simulator, grains, stopping);
        return $"Square     simulator at {square.BaseUrl} with tills ringing sales at {string.Join(" and ", Stores.Select(pair => pair.Store))}; see /api/connections/{ConnectionId}";
    }

    private static async Task RingTillsAsync(SquareSimulator square, IGrainFactory grains, CancellationToken stopping)
    {
        var random = new Random();
        var delivery = 0;
        try
        {
            while (!stopping.IsCancellationRequested)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(random.Next(1500, 4000)), stopping);
                var (squareLocation, store) = Stores[random.Next(Stores.Length)];
                var sku = Heroes[random.Next(Heroes.Length)];
                square.RecordSale(squareLocation, new TillSale { Lines = [new TillLine { Sku = sku, Quantity = random.Next(1, 3) }] });

                var level = await grains.GetGrain<IStockGrain>(StockKey.Of(sku, store)).GetLevel(stopping);
                if (level.Level is { OnHand: < RestockBelow })
                {
                    await grains.GetGrain<IStockGrain>(StockKey.Of(sku, store)).ApplyMovement(
                        new StockMovementCommand($"demo-delivery-{Environment.ProcessId}-{++delivery}", StockMovementKind.Receipt, RestockQuantity, null, null, "Demo restock", null, null, "demo"),
                        stopping);
                }
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // The demo stops with the hub.
        }
    }
}
