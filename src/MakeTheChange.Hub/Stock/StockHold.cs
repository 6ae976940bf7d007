namespace MakeTheChange.Hub.Stock;

/// <summary>Units a reservation holds at this location; <see cref="HeldSeq"/> orders holds by age.</summary>
public sealed record StockHold(string ReservationId, int Quantity, DateTimeOffset ExpiresAt, long HeldSeq);
