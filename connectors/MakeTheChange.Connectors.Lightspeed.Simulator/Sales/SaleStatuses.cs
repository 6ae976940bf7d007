namespace MakeTheChange.Connectors.Lightspeed.Simulator.Sales;

/// <summary>
/// The sale statuses the simulator uses, and the state each maps to (CLOSED→closed, VOIDED→voided;
/// x-series-api.lightspeedhq.com/docs/sales_states_and_attributes). A CLOSED sale can only move to VOIDED.
/// </summary>
internal static class SaleStatuses
{
    public const string Closed = "CLOSED";
    public const string Voided = "VOIDED";

    public const string ClosedState = "closed";
    public const string VoidedState = "voided";

    /// <summary>The status of every line of a completed sale.</summary>
    public const string LineConfirmed = "CONFIRMED";
}
