namespace MakeTheChange.Connectors.Square.Simulator.Orders;

internal sealed record BatchRetrieveOrdersResponse(IReadOnlyList<Order>? Orders);
