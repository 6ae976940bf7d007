namespace MakeTheChange.Hub.Stock;

/// <summary>Body of <c>PUT /api/stock/{sku}/{locationId}/safety-stock</c>.</summary>
public sealed record SafetyStockRequest(int? Quantity);
