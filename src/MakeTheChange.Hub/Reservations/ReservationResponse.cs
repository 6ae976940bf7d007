namespace MakeTheChange.Hub.Reservations;

/// <summary>A reservation in an HTTP answer.</summary>
public sealed record ReservationResponse(
    string ReservationId,
    string Status,
    string LocationId,
    string Channel,
    string? CustomerId,
    DateTimeOffset ExpiresAt,
    DateTimeOffset CreatedAt,
    DateTimeOffset StatusChangedAt,
    IReadOnlyList<ReservationLineResponse> Lines,
    bool AtRisk)
{
    public static ReservationResponse Of(ReservationView view) => new(
        view.ReservationId,
        view.Status.ToWire(),
        view.LocationId,
        view.Channel.ToWire(),
        view.CustomerId,
        view.ExpiresAt,
        view.CreatedAt,
        view.StatusChangedAt,
        [.. view.Lines.Select(line => new ReservationLineResponse(line.Sku, line.Quantity))],
        view.AtRisk);
}
