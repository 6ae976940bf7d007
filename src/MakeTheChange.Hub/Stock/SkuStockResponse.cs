namespace MakeTheChange.Hub.Stock;

/// <summary>A SKU at every location that ever stocked it, with totals (for information: a channel promises per location).</summary>
public sealed record SkuStockResponse(string Sku, int OnHand, int Held, int Available, IReadOnlyList<StockLevelResponse> Locations);
