namespace MakeTheChange.Hub.Stock;

/// <summary>Body of <c>POST /api/stock/{sku}/{locationId}/movements</c>.</summary>
public sealed record MovementRequest(
    string? MovementId,
    string? Kind,
    int? Quantity,
    string? Lot,
    DateOnly? BestBefore,
    string? Reason,
    string? Reference,
    DateTimeOffset? OccurredAt);
