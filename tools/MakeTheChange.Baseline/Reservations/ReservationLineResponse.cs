namespace MakeTheChange.Baseline.Reservations;

public sealed record ReservationLineResponse(string Sku, int Quantity);
