namespace MakeTheChange.Connectors.Square.Simulator.Inventory;

/// <summary>The counts of every object the request referenced, and the changes it created.</summary>
internal sealed record BatchChangeInventoryResponse(IReadOnlyList<InventoryCount> Counts, IReadOnlyList<InventoryChange>? Changes);
