namespace MakeTheChange.Connectors.Square.Simulator.Payments;

internal sealed record RetrievePaymentResponse(Payment Payment);
