namespace MakeTheChange.Connectors.Square.Simulator.Inventory;

/// <summary>Square's InventoryCount read model (pos-apis.md §1.4).</summary>
internal sealed record InventoryCount(
    string CatalogObjectId,
    string CatalogObjectType,
    string State,
    string LocationId,
    string Quantity,
    string CalculatedAt);
