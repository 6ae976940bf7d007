namespace MakeTheChange.Connectors.Square.Simulator.Inventory;

internal sealed record BatchRetrieveInventoryChangesResponse(IReadOnlyList<InventoryChange>? Changes, string? Cursor);
