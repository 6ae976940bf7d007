namespace MakeTheChange.Connectors.Lightspeed.Simulator.Inventory;

/// <summary>
/// An inventory record in the 2.0 shape: one per (product, outlet). <c>inventory_level</c> and
/// <c>current_amount</c> carry the same value, as the 2.0 record does (pos-apis.md §2.2); it may be negative.
/// </summary>
internal sealed record InventoryRecord(
    string Id,
    string OutletId,
    string ProductId,
    decimal InventoryLevel,
    decimal CurrentAmount,
    decimal ReorderPoint,
    long Version);
