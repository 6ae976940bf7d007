using MakeTheChange.Connectors.Square.Simulator.Wire;

namespace MakeTheChange.Connectors.Square.Simulator.Inventory;

/// <summary>The IN_STOCK count of one variation at one location. Mutable: changed under the simulator's lock.</summary>
internal sealed class InventoryCountRecord(StockKey key, DateTimeOffset calculatedAt)
{
    public StockKey Key { get; } = key;

    public decimal Quantity { get; set; }

    public DateTimeOffset CalculatedAt { get; set; } = calculatedAt;

    /// <summary>The <c>occurred_at</c> of the physical count the quantity starts from; null before the first one.</summary>
    public DateTimeOffset? LastPhysicalCountAt { get; set; }

    public InventoryCount ToWire() => new(
        Key.VariationId,
        "ITEM_VARIATION",
        InventoryStates.InStock,
        Key.LocationId,
        SquareQuantity.Format(Quantity),
        Rfc3339.Format(CalculatedAt));
}
