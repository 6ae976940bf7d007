namespace MakeTheChange.Connectors.Square.Simulator.Webhooks;

/// <summary>The event types the simulator sends (pos-apis.md §1.6).</summary>
internal static class WebhookEventTypes
{
    public const string PaymentCreated = "payment.created";
    public const string PaymentUpdated = "payment.updated";
    public const string RefundCreated = "refund.created";
    public const string RefundUpdated = "refund.updated";
    public const string InventoryCountUpdated = "inventory.count.updated";
}
