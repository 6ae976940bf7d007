namespace MakeTheChange.Connectors.Square.Simulator.Inventory;

/// <summary>What Square counts stock for: one item variation at one location.</summary>
internal sealed record StockKey(string VariationId, string LocationId);
