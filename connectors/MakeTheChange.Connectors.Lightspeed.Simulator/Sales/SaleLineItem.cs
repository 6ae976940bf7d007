namespace MakeTheChange.Connectors.Lightspeed.Simulator.Sales;

/// <summary>
/// A line of a 2.0 sale: <c>price</c> and <c>tax</c> are per unit, excluding and of tax; a returned unit
/// has a negative <c>quantity</c> and <c>is_return</c> true (pos-apis.md §2.3).
/// </summary>
internal sealed record SaleLineItem(string Id, string ProductId, decimal Quantity, decimal Price, decimal Tax, bool IsReturn, string Status);
