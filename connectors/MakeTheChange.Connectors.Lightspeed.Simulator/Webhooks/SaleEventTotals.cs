namespace MakeTheChange.Connectors.Lightspeed.Simulator.Webhooks;

/// <summary><c>totals</c> of the sale.update payload, as strings like the 1.0 API writes money ("173.91").</summary>
internal sealed record SaleEventTotals(string TotalPrice, string TotalTax, string TotalPayment);
