using MakeTheChange.Connectors.Lightspeed.Simulator.Webhooks;
using MakeTheChange.Connectors.Lightspeed.Simulator.Wire;

namespace MakeTheChange.Connectors.Lightspeed.Simulator.Sales;

/// <summary>A sale rung at a simulated till.</summary>
internal sealed record SimulatedSale(
    string Id,
    string OutletId,
    string RegisterId,
    string UserId,
    string InvoiceNumber,
    string Status,
    string State,
    DateTimeOffset SaleDate,
    string? ReturnFor,
    long Version,
    IReadOnlyList<SimulatedSaleLine> Lines)
{
    public decimal TotalPrice => Amounts.Normalize(Lines.Sum(line => line.TotalPrice));

    public decimal TotalTax => Amounts.Normalize(Lines.Sum(line => line.TotalTax));

    public Sale ToWire() => new(
        Id,
        OutletId,
        RegisterId,
        UserId,
        CustomerId: null,
        InvoiceNumber,
        Status,
        State,
        IsoTime.Format(SaleDate),
        ReturnFor,
        Version,
        [.. Lines.Select(line => line.ToWire())],
        TotalPrice,
        TotalTax);

    /// <summary>The sale as sale.update carries it: the API 1.0 shape, money as strings (pos-apis.md §2.4).</summary>
    public SaleEventPayload ToEventPayload() => new(
        Id,
        OutletId,
        RegisterId,
        UserId,
        Status,
        State,
        InvoiceNumber,
        IsoTime.Format(SaleDate),
        ReturnFor,
        Version,
        [.. Lines.Select(line => new RegisterSaleProduct(line.Id, line.ProductId, line.Quantity, Amounts.Money(line.Price), Amounts.Money(line.Tax)))],
        new SaleEventTotals(Amounts.Money(TotalPrice), Amounts.Money(TotalTax), Amounts.Money(TotalPrice + TotalTax)));
}
