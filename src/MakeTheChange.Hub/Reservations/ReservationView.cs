using System.Collections.Immutable;

namespace MakeTheChange.Hub.Reservations;

/// <summary>A reservation as the grain reports it.</summary>
public sealed record ReservationView(
    string ReservationId,
    ReservationStatus Status,
    string LocationId,
    ReservationChannel Channel,
    string? CustomerId,
    DateTimeOffset ExpiresAt,
    DateTimeOffset CreatedAt,
    DateTimeOffset StatusChangedAt,
    ImmutableArray<ReservationLine> Lines,
    bool AtRisk)
{
    public static ReservationView Of(ReservationState state, bool atRisk = false) => new(
        state.ReservationId,
        state.Status,
        state.LocationId,
        state.Channel,
        state.CustomerId,
        state.ExpiresAt,
        state.CreatedAt,
        state.StatusChangedAt,
        state.Lines,
        atRisk);
}
