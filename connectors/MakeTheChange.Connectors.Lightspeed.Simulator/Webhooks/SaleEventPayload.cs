namespace MakeTheChange.Connectors.Lightspeed.Simulator.Webhooks;

/// <summary>The <c>payload</c> of sale.update: the sale in the API 1.0 shape (pos-apis.md §2.4), trimmed to what the hub reads.</summary>
internal sealed record SaleEventPayload(
    string Id,
    string OutletId,
    string RegisterId,
    string UserId,
    string Status,
    string State,
    string InvoiceNumber,
    string SaleDate,
    string? ReturnFor,
    long Version,
    IReadOnlyList<RegisterSaleProduct> RegisterSaleProducts,
    SaleEventTotals Totals);
