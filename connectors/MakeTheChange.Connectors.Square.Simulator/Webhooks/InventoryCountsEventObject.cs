using MakeTheChange.Connectors.Square.Simulator.Inventory;

namespace MakeTheChange.Connectors.Square.Simulator.Webhooks;

/// <summary><c>data.object</c> of inventory.count.updated: new absolute counts, not the change that made them.</summary>
internal sealed record InventoryCountsEventObject(IReadOnlyList<InventoryCount> InventoryCounts);
