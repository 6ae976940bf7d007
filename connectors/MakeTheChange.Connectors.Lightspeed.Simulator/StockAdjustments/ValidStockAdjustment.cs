using MakeTheChange.Connectors.Lightspeed.Simulator.Inventory;

namespace MakeTheChange.Connectors.Lightspeed.Simulator.StockAdjustments;

/// <summary>An adjustment of a batch that passed validation, ready to apply.</summary>
internal sealed record ValidStockAdjustment(StockKey Key, decimal Quantity, string Reason);
