using MakeTheChange.Connectors.Lightspeed.Simulator.Webhooks;

namespace MakeTheChange.Connectors.Lightspeed.Simulator.Inventory;

/// <summary>The inventory record of a product at an outlet, as the simulator holds it.</summary>
internal sealed record SimulatedInventory(string Id, StockKey Key, decimal Amount, long Version)
{
    public InventoryRecord ToWire() => new(Id, Key.OutletId, Key.ProductId, Amount, Amount, ReorderPoint: 0, Version);

    public InventoryEventPayload ToEventPayload() => new(Id, Key.OutletId, Key.ProductId, Amount, Version);

    public InventoryLevel ToLevel() => new(Amount, Version);
}
