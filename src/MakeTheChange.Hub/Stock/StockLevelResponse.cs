namespace MakeTheChange.Hub.Stock;

/// <summary>One SKU at one location, as api.md describes it.</summary>
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
    public static StockLevelResponse Of(StockLevel level) => new(
        level.Sku,
        level.LocationId,
        level.OnHand,
        level.Held,
        level.SafetyStock,
        level.Available,
        [.. level.Lots.Select(LotResponse.Of)],
        level.Version);
}
