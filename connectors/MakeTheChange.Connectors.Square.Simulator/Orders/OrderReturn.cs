namespace MakeTheChange.Connectors.Square.Simulator.Orders;

/// <summary>A return inside a return order; <c>source_order_id</c> is unset for an unlinked return.</summary>
internal sealed record OrderReturn(string Uid, string? SourceOrderId, IReadOnlyList<OrderReturnLineItem> ReturnLineItems);
