namespace MakeTheChange.Connectors.Lightspeed.Simulator.Sales;

/// <summary>A sale in the 2.0 shape (pos-apis.md §2.3), trimmed to what the hub reads (no payments).</summary>
internal sealed record Sale(
    string Id,
    string OutletId,
    string RegisterId,
    string UserId,
    string? CustomerId,
    string InvoiceNumber,
    string Status,
    string State,
    string SaleDate,
    string? ReturnFor,
    long Version,
    IReadOnlyList<SaleLineItem> LineItems,
    decimal TotalPrice,
    decimal TotalTax);
