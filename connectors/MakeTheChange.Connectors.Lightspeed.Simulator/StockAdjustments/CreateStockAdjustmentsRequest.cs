namespace MakeTheChange.Connectors.Lightspeed.Simulator.StockAdjustments;

/// <summary>The body of <c>POST /api/2026-07/stock_adjustments</c>: 1 to 1000 adjustments (2026-07 spec).</summary>
internal sealed record CreateStockAdjustmentsRequest(IReadOnlyList<CreateStockAdjustmentItem?>? StockAdjustments);
