namespace MakeTheChange.Connectors.Square.Simulator.Orders;

internal sealed record SearchOrdersResponse(IReadOnlyList<OrderEntry>? OrderEntries, IReadOnlyList<Order>? Orders, string? Cursor);
