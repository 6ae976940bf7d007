namespace MakeTheChange.Hub.Reservations;

public enum ReservationStatus
{
    /// <summary>No reservation was ever created with this id.</summary>
    None,
    Held,
    Fulfilled,
    Released,
    Expired,
}
