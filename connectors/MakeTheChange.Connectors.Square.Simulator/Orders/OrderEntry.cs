namespace MakeTheChange.Connectors.Square.Simulator.Orders;

/// <summary>What SearchOrders returns per order when <c>return_entries</c> is true.</summary>
internal sealed record OrderEntry(string OrderId, int Version, string LocationId);
