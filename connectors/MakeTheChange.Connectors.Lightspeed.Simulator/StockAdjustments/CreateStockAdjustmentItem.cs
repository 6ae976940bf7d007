namespace MakeTheChange.Connectors.Lightspeed.Simulator.StockAdjustments;

/// <summary>One adjustment to create; <c>quantity</c> is a numeric string such as "-3" (2026-07 spec, CreateStockAdjustmentItem).</summary>
internal sealed record CreateStockAdjustmentItem(string? ProductId, string? OutletId, string? Quantity, string? Reason, string? CustomInventoryAdjustmentReasonId);
