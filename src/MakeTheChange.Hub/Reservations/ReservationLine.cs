namespace MakeTheChange.Hub.Reservations;

public sealed record ReservationLine(string Sku, int Quantity);
