namespace MakeTheChange.Baseline.Reservations;

internal enum HoldStatus
{
    Held,

    /// <summary>The reservation id was already held for the same location and lines.</summary>
    Repeated,

    /// <summary>The reservation id was already held for another location or other lines.</summary>
    IdReused,

    /// <summary>At least one line could not be held; nothing was.</summary>
    Insufficient,
}
