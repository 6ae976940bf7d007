namespace MakeTheChange.Connectors.Lightspeed.Simulator.Products;

/// <summary><c>details</c> of a 2.1 product update; fields other than <c>inventory</c> are ignored.</summary>
internal sealed record ProductUpdateDetails(IReadOnlyList<OutletInventoryUpdate?>? Inventory);
