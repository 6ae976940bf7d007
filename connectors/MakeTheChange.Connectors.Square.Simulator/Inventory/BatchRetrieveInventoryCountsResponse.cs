namespace MakeTheChange.Connectors.Square.Simulator.Inventory;

internal sealed record BatchRetrieveInventoryCountsResponse(IReadOnlyList<InventoryCount>? Counts, string? Cursor);
