namespace MakeTheChange.Hub.Reservations;

public enum ReservationCommandStatus
{
    /// <summary>Done now, or done before by the same request (then nothing changed).</summary>
    Done,
    NotFound,

    /// <summary>The reservation id was used before for a different request.</summary>
    IdReused,

    /// <summary>At least one line could not be held; nothing was held.</summary>
    Insufficient,
    UnknownLocation,
    UnknownSku,

    /// <summary>The location does not offer click &amp; collect.</summary>
    NotOffered,

    /// <summary>The reservation is no longer held (fulfilled, released or expired).</summary>
    NotHeld,
}
