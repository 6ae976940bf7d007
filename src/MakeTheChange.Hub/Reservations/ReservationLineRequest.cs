namespace MakeTheChange.Hub.Reservations;

public sealed record ReservationLineRequest(string? Sku, int? Quantity);
