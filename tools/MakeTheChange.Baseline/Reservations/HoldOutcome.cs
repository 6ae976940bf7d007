namespace MakeTheChange.Baseline.Reservations;

/// <summary>What became of a reservation: the one held (or held before), or the lines that were short.</summary>
internal sealed record HoldOutcome(HoldStatus Status, Reservation? Reservation = null, IReadOnlyList<InsufficientLine>? Insufficient = null);
