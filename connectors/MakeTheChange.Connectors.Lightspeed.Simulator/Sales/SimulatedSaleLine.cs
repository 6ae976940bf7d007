using MakeTheChange.Connectors.Lightspeed.Simulator.Wire;

namespace MakeTheChange.Connectors.Lightspeed.Simulator.Sales;

/// <summary>A line rung at the till: unit price excluding tax and unit tax, fixed when the sale was made.</summary>
internal sealed record SimulatedSaleLine(string Id, string ProductId, decimal Quantity, decimal Price, decimal Tax)
{
    public bool IsReturn => Quantity < 0;

    public decimal TotalPrice => Amounts.Normalize(Price * Quantity);

    public decimal TotalTax => Amounts.Normalize(Tax * Quantity);

    public SaleLineItem ToWire() => new(Id, ProductId, Quantity, Price, Tax, IsReturn, SaleStatuses.LineConfirmed);
}
