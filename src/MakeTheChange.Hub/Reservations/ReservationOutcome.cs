namespace MakeTheChange.Hub.Reservations;

/// <summary>How a reservation command ended.</summary>
public sealed record ReservationOutcome(
    ReservationCommandStatus Status,
    ReservationView? Reservation = null,
    IReadOnlyList<InsufficientLine>? Insufficient = null,
    IReadOnlyList<string>? UnknownSkus = null)
{
    public static ReservationOutcome Done(ReservationView reservation) => new(ReservationCommandStatus.Done, reservation);
}
