namespace MakeTheChange.Hub.Reservations;

/// <summary>Body of <c>POST /api/reservations</c>.</summary>
public sealed record CreateReservationRequest(
    string? ReservationId,
    string? LocationId,
    string? Channel,
    string? CustomerId,
    int? TtlSeconds,
    IReadOnlyList<ReservationLineRequest?>? Lines);
