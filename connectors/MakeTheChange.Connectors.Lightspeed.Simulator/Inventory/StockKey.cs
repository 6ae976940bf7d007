namespace MakeTheChange.Connectors.Lightspeed.Simulator.Inventory;

/// <summary>What an inventory record is for: one product at one outlet.</summary>
internal readonly record struct StockKey(string ProductId, string OutletId);
