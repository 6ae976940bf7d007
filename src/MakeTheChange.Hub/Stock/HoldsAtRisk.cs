namespace MakeTheChange.Hub.Stock;

/// <summary>Outbox event: a sale (or another movement) took units that these reservations were holding.</summary>
public sealed record HoldsAtRisk(
    string Sku,
    string LocationId,
    IReadOnlyList<string> ReservationIds,
    int OnHand,
    int Held,
    string MovementId)
{
    public const string Topic = "stock.holds-at-risk";
}
