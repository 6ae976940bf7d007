namespace MakeTheChange.Baseline.Stock;

/// <summary>Body of <c>POST /api/stock/{sku}/{locationId}/movements</c>.</summary>
public sealed record MovementRequest(string? MovementId, string? Kind, int? Quantity);
