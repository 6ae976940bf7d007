namespace MakeTheChange.Connectors.Square.Simulator.Payments;

internal sealed record RetrieveRefundResponse(Refund Refund);
