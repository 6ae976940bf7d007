namespace MakeTheChange.Hub.Reservations;

public enum ReservationChannel
{
    ClickAndCollect,
    Online,
    B2b,
}
