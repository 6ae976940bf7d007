namespace MakeTheChange.Baseline.Stock;

/// <summary>A row of <c>baseline_stock</c> as the app read or wrote it.</summary>
internal sealed record StockLevel(string Sku, string LocationId, int OnHand, int Held, long Version);
