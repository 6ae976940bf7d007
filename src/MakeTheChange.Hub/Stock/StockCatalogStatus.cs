namespace MakeTheChange.Hub.Stock;

/// <summary>Whether the grain's SKU and location exist in the catalog.</summary>
public enum StockCatalogStatus
{
    Known,
    UnknownSku,
    UnknownLocation,
}
