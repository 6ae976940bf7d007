namespace MakeTheChange.Hub.Stock;

/// <summary>A ledger row in an HTTP answer.</summary>
public sealed record MovementEntryResponse(
    long Seq,
    string MovementId,
    string Kind,
    int Quantity,
    int OnHandDelta,
    int HeldDelta,
    int OnHandAfter,
    int HeldAfter,
    IReadOnlyList<LotResponse> Lots,
    string Source,
    string? Reference,
    string? Reason,
    DateTimeOffset OccurredAt,
    DateTimeOffset RecordedAt)
{
    public static MovementEntryResponse Of(StockLedgerEntry entry) => new(
        entry.Seq,
        entry.MovementId,
        entry.Kind.ToWire(),
        entry.Quantity,
        entry.OnHandDelta,
        entry.HeldDelta,
        entry.OnHandAfter,
        entry.HeldAfter,
        [.. entry.Lots.Select(LotResponse.Of)],
        entry.Source,
        entry.Reference,
        entry.Reason,
        entry.OccurredAt,
        entry.RecordedAt);
}
