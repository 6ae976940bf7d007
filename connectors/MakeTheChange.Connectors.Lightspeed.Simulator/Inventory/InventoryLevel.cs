namespace MakeTheChange.Connectors.Lightspeed.Simulator.Inventory;

/// <summary>The stock of a product at an outlet, and the version of its inventory record.</summary>
public sealed record InventoryLevel(decimal Amount, long Version);
