namespace MakeTheChange.Connectors.Lightspeed.Api;

// Lightspeed X-Series API 2.0 objects, only the fields the connector reads or writes (pos-apis.md §2).
// Internal to the connector: the hub never sees them.
#pragma warning disable MA0048 // One file holds the vendor's vocabulary; each record is a line or two.

internal sealed record PageVersion(long? Min, long? Max);

internal sealed record Page<T>(IReadOnlyList<T>? Data, PageVersion? Version);

internal sealed record Single<T>(T? Data);

internal sealed record Product(string Id, string? Sku, string? Name, long? Version);

internal sealed record InventoryRecord(string? Id, string OutletId, string ProductId, decimal? InventoryLevel, decimal? CurrentAmount, long? Version)
{
    /// <summary>Field names differ between API versions (pos-apis.md §2.2); either one carries the amount.</summary>
    public decimal Amount => InventoryLevel ?? CurrentAmount ?? 0;
}

internal sealed record SaleLineItem(string Id, string ProductId, decimal Quantity, bool? IsReturn);

internal sealed record Sale(string Id, string OutletId, string? Status, string? State, long? Version, IReadOnlyList<SaleLineItem>? LineItems, DateTimeOffset? SaleDate);

internal sealed record InventoryAmount(string OutletId, decimal CurrentAmount);

internal sealed record ProductDetails(IReadOnlyList<InventoryAmount> Inventory);

internal sealed record PutProductRequest(ProductDetails Details, long? Version);

internal sealed record PutProductResponse(PutProductData? Data);

internal sealed record PutProductData(string Id, IReadOnlyList<InventoryRecord>? Inventory);

internal sealed record StockAdjustment(string ProductId, string OutletId, string Quantity, string Reason);

internal sealed record StockAdjustmentsRequest(IReadOnlyList<StockAdjustment> StockAdjustments);

internal sealed record LightspeedError(string? Error, string? Message);

/// <summary>The webhook payloads' only fields the connector reads: which entity, at which version.</summary>
internal sealed record WebhookEntity(string? Id, long? Version);
#pragma warning restore MA0048
