namespace MakeTheChange.Connectors.Lightspeed.Simulator.Webhooks;

/// <summary>A line of the sale.update payload (API 1.0 <c>register_sale_products</c>): money as strings, quantity a number.</summary>
internal sealed record RegisterSaleProduct(string Id, string ProductId, decimal Quantity, string Price, string Tax);
