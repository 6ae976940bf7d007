namespace MakeTheChange.Connectors.Lightspeed.Simulator.Tills;

/// <summary>The sale a till operation made or changed, and its version after it.</summary>
public sealed record TillSaleResult(string SaleId, string InvoiceNumber, long Version);
