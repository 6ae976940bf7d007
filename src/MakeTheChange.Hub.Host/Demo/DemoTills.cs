using MakeTheChange.Grains;
using MakeTheChange.Hub.Stock;

namespace MakeTheChange.Hub.Host.Demo;

/// <summary>
/// Rings a demo sale every few seconds at one of a POS's stores, and, when a store runs low, has the
/// hub receive a delivery there, which the connector pushes back to the POS.
/// </summary>
internal static class DemoTills
{
    public static readonly string[] Heroes = ["ILANGA-MIEL-250", "ILANGA-COFFRET-3MIELS", "HABEEBEE-COFFRET-SAVONS"];

    private const int RestockBelow = 3;
    private const int RestockQuantity = 12;
    private static int _deliveries;

    /// <summary>Sells until <paramref name="stopping"/>; <paramref name="ringSale"/> rings (store, SKU, quantity) on the POS.</summary>
    public static async Task RingAsync(IReadOnlyList<string> stores, Action<string, string, int> ringSale, IGrainFactory grains, CancellationToken stopping)
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

    /// <summary>What the hub has on hand for each hero at each store.</summary>
    public static async Task<Dictionary<(string Sku, string Store), int>> HubLevelsAsync(IEnumerable<string> stores, IGrainFactory grains, CancellationToken cancellationToken)
    {
        var levels = new Dictionary<(string, string), int>();
        foreach (var store in stores)
        {
            foreach (var sku in Heroes)
            {
                levels[(sku, store)] = (await grains.GetGrain<IStockGrain>(StockKey.Of(sku, store)).GetLevel(cancellationToken)).Level!.OnHand;
            }
        }

        return levels;
    }
}
