namespace MakeTheChange.Baseline.Stock;

/// <summary>One SKU at one location, in the shape of the hub's answer (no safety stock, no lots).</summary>
public sealed record StockLevelResponse(
    string Sku,
    string LocationId,
    int OnHand,
    int Held,
    int SafetyStock,
    int Available,
    IReadOnlyList<LotResponse> Lots,
    long Version)
{
    internal static StockLevelResponse Of(StockLevel level) => new(
        level.Sku,
        level.LocationId,
        level.OnHand,
        level.Held,
        SafetyStock: 0,
        Available: Math.Max(level.OnHand - level.Held, 0),
        Lots: [],
        level.Version);
}
