using System.Collections.Immutable;

namespace MakeTheChange.Hub.Stock;

/// <summary>One row of a stock grain's ledger: what changed, by how much, why, from where.</summary>
public sealed record StockLedgerEntry(
    long Seq,
    string MovementId,
    StockMovementKind Kind,
    int Quantity,
    int OnHandDelta,
    int HeldDelta,
    int OnHandAfter,
    int HeldAfter,
    int SafetyStockAfter,
    ImmutableArray<LotQuantity> Lots,
    ImmutableArray<LotQuantity> LotsAfter,
    string Source,
    string? Reference,
    string? Reason,
    DateTimeOffset OccurredAt,
    DateTimeOffset RecordedAt,
    ImmutableArray<byte> RequestHash);
