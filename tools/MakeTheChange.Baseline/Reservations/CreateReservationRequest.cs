namespace MakeTheChange.Baseline.Reservations;

/// <summary>Body of <c>POST /api/reservations</c>; the channel is checked, not stored.</summary>
public sealed record CreateReservationRequest(
    string? ReservationId,
    string? LocationId,
    string? Channel,
    IReadOnlyList<ReservationLineRequest?>? Lines);
