using MakeTheChange.Grains;
using MakeTheChange.Hub.Locations;
using MakeTheChange.Hub.Products;
using MakeTheChange.Hub.Stock;

namespace MakeTheChange.Hub.Demo;

/// <summary>
/// Puts the demo catalog in the hub through the same paths as the API. Every receipt has a fixed
/// movement id, so running the demo again changes nothing that was already there.
/// </summary>
internal sealed class DemoSeeder(LocationCatalog locations, ProductCatalog products, IGrainFactory grains)
{
    private const string Source = "demo";

    public async Task<DemoSeedResult> SeedAsync(CancellationToken cancellationToken)
    {
        foreach (var location in DemoCatalog.Locations)
        {
            await locations.UpsertAsync(location.LocationId, location.Name, location.Kind, location.ClickAndCollect, cancellationToken);
        }

        foreach (var product in DemoCatalog.Products)
        {
            await products.UpsertAsync(product.Sku, product.Name, product.Category, product.PriceCents, "EUR", cancellationToken);
        }

        var receipts = DemoCatalog.Receipts()
            .Select((receipt, index) => Stock(receipt.Sku, receipt.LocationId).ApplyMovement(
                new StockMovementCommand($"demo-receipt-{index + 1}", StockMovementKind.Receipt, receipt.Quantity, receipt.Lot, receipt.BestBefore, "Demo stock", null, null, Source),
                cancellationToken));
        var outcomes = await Task.WhenAll(receipts);

        foreach (var hero in new[] { DemoCatalog.HeroHoney, DemoCatalog.HeroSpiceBox, DemoCatalog.HeroSoapBox })
        {
            await Stock(hero, DemoCatalog.MicroHub).SetSafetyStock(DemoCatalog.HeroSafetyStock, Source, cancellationToken);
        }

        return new DemoSeedResult(
            DemoCatalog.Locations.Count,
            DemoCatalog.Products.Count,
            outcomes.Count(outcome => outcome.Status == StockCommandStatus.Applied));
    }

    private IStockGrain Stock(string sku, string locationId) => grains.GetGrain<IStockGrain>(StockKey.Of(sku, locationId));
}
