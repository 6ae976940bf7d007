namespace MakeTheChange.Connectors.Lightspeed.Simulator.Products;

/// <summary>
/// The body of <c>PUT /api/2.1/products/{id}</c> as the simulator reads it: only <c>details.inventory</c>
/// (pos-apis.md §2.5 option 2), plus the simulator's optimistic <c>version</c>.
/// </summary>
internal sealed record ProductUpdateRequest(ProductUpdateDetails? Details, long? Version);
