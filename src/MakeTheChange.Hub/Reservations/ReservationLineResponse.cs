namespace MakeTheChange.Hub.Reservations;

public sealed record ReservationLineResponse(string Sku, int Quantity);
