namespace MakeTheChange.Connectors.Square.Simulator.Inventory;

/// <summary>The IN_STOCK count of a variation at a location, and when Square last calculated it.</summary>
public sealed record InventoryLevel(decimal Quantity, DateTimeOffset CalculatedAt);
