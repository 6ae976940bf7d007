namespace MakeTheChange.Baseline.Reservations;

/// <summary>A reservation as asked for, or as stored; its lines in the order they were sent.</summary>
internal sealed record Reservation(string ReservationId, string LocationId, IReadOnlyList<ReservationLine> Lines)
{
    /// <summary>Whether a repeat asks for the same thing as this stored reservation.</summary>
    public bool SameRequestAs(Reservation other) =>
        LocationId == other.LocationId && Lines.SequenceEqual(other.Lines);
}
