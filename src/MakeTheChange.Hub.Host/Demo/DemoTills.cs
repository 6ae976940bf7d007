using MakeTheChange.Grains;
using MakeTheChange.Hub.Connections;
using MakeTheChange.Hub.Stock;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace MakeTheChange.Hub.Host.Demo;

/// <summary>
/// What every POS demo does around its own simulator: start the POS's counts where the hub's stand,
/// connect it to the hub, then ring a demo sale every few seconds at one of its stores and, when a store
/// runs low, have the hub receive a delivery there, which the connector pushes back to the POS.
/// </summary>
internal static class DemoTills
{
    public static readonly string[] Heroes = ["ILANGA-MIEL-250", "ILANGA-COFFRET-3MIELS", "HABEEBEE-COFFRET-SAVONS"];

    private const int RestockBelow = 3;
    private const int RestockQuantity = 12;
    private static int _deliveries;

    /// <summary>Stops <paramref name="simulator"/> once the hub has stopped.</summary>
    public static void StopWithHub(WebApplication app, IAsyncDisposable simulator) =>
        app.Lifetime.ApplicationStopped.Register(() => simulator.DisposeAsync().AsTask().GetAwaiter().GetResult());

    /// <summary>
    /// The stores already ran the POS with the counts the hub has: <paramref name="setCount"/> sets each
    /// (SKU, store, on hand) on the POS as it stands, without any event.
    /// </summary>
    public static async Task MirrorHubCountsAsync(WebApplication app, IEnumerable<string> stores, Action<string, string, int> setCount, CancellationToken cancellationToken)
    {
        var grains = app.Services.GetRequiredService<IGrainFactory>();
        foreach (var store in stores)
        {
            foreach (var sku in Heroes)
            {
                setCount(sku, store, (await grains.GetGrain<IStockGrain>(StockKey.Of(sku, store)).GetLevel(cancellationToken)).Level!.OnHand);
            }
        }
    }

    /// <summary>This hub's URL for a POS's webhooks (<paramref name="route"/> is the connector's, e.g. <c>webhooks/square</c>).</summary>
    public static Uri WebhookUrl(WebApplication app, string route, string connectionId)
    {
        var hubUrl = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        return new Uri(hubUrl, $"{route}/{connectionId}");
    }

    /// <summary>
    /// Saves <paramref name="connection"/> as an admin would, then sells at its stores until
    /// <paramref name="stopping"/>; <paramref name="ringSale"/> rings (store, SKU, quantity) on the POS.
    /// </summary>
    public static async Task ConnectAndRingAsync(WebApplication app, PosConnection connection, Action<string, string, int> ringSale, CancellationToken stopping)
    {
        await app.Services.GetRequiredService<PosConnectionSetup>().SaveAsync(connection, stopping);
        _ = RingAsync([.. connection.Locations.Values], ringSale, app.Services.GetRequiredService<IGrainFactory>(), stopping);
    }

    private static async Task RingAsync(IReadOnlyList<string> stores, Action<string, string, int> ringSale, IGrainFactory grains, CancellationToken stopping)
    {
        var random = new Random();
        try
        {
            while (!stopping.IsCancellationRequested)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(random.Next(1500, 4000)), stopping);
                var store = stores[random.Next(stores.Count)];
                var sku = Heroes[random.Next(Heroes.Length)];
                ringSale(store, sku, random.Next(1, 3));

                var stock = grains.GetGrain<IStockGrain>(StockKey.Of(sku, store));
                if ((await stock.GetLevel(stopping)).Level is { OnHand: < RestockBelow })
                {
                    await stock.ApplyMovement(
                        new StockMovementCommand($"demo-delivery-{Environment.ProcessId}-{Interlocked.Increment(ref _deliveries)}", StockMovementKind.Receipt, RestockQuantity, null, null, "Demo restock", null, null, "demo"),
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
