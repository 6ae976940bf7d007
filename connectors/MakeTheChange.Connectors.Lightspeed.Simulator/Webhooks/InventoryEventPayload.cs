namespace MakeTheChange.Connectors.Lightspeed.Simulator.Webhooks;

/// <summary>
/// The <c>payload</c> of inventory.update: the inventory record in the API 1.0 shape, where the amount is
/// <c>count</c> (the 1.0 inventory entries of the product.update sample, x-series-api.lightspeedhq.com/docs/webhooks_example_payloads).
/// </summary>
internal sealed record InventoryEventPayload(string Id, string OutletId, string ProductId, decimal Count, long Version);
