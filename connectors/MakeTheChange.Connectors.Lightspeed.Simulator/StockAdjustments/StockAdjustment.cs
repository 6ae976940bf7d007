namespace MakeTheChange.Connectors.Lightspeed.Simulator.StockAdjustments;

/// <summary>A recorded stock adjustment (2026-07 spec, StockAdjustment); <c>quantity</c> stays a string.</summary>
internal sealed record StockAdjustment(
    string Id,
    string UserId,
    string ProductId,
    string OutletId,
    string Quantity,
    string Reason,
    string CreatedAt,
    string UpdatedAt,
    long Version);
