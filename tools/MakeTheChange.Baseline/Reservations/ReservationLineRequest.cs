namespace MakeTheChange.Baseline.Reservations;

public sealed record ReservationLineRequest(string? Sku, int? Quantity);
