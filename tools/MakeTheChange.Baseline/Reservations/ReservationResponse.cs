namespace MakeTheChange.Baseline.Reservations;

/// <summary>A reservation in an HTTP answer; the baseline has no expiry, fulfilment or release, so it is always held.</summary>
public sealed record ReservationResponse(string ReservationId, string LocationId, string Status, IReadOnlyList<ReservationLineResponse> Lines)
{
    internal static ReservationResponse Of(Reservation reservation) => new(
        reservation.ReservationId,
        reservation.LocationId,
        "held",
        [.. reservation.Lines.Select(line => new ReservationLineResponse(line.Sku, line.Quantity))]);
}
