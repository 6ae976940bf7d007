namespace MakeTheChange.Connectors.Lightspeed.Simulator.Webhooks;

/// <summary>The webhook types the simulator sends (pos-apis.md §2.4).</summary>
internal static class WebhookEventTypes
{
    public const string SaleUpdate = "sale.update";
    public const string InventoryUpdate = "inventory.update";
}
