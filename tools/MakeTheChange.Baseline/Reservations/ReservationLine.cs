namespace MakeTheChange.Baseline.Reservations;

internal sealed record ReservationLine(string Sku, int Quantity);
