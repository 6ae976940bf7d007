namespace MakeTheChange.Connectors.Lightspeed.Simulator.Products;

/// <summary>One entry of <c>details.inventory</c>: the absolute amount to set at an outlet (reorder fields are ignored).</summary>
internal sealed record OutletInventoryUpdate(string? OutletId, decimal? CurrentAmount);
