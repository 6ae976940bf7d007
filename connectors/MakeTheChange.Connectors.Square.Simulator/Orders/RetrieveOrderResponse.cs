namespace MakeTheChange.Connectors.Square.Simulator.Orders;

internal sealed record RetrieveOrderResponse(Order Order);
