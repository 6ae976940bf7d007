using MakeTheChange.Grains.Transactions;

namespace MakeTheChange.Hub.Stock;

/// <summary>One SKU at one location (key: <see cref="StockKey"/>): the single writer of its level, lots, holds and ledger.</summary>
public interface IStockGrain
{
    Task<StockCommandOutcome> ApplyMovement(StockMovementCommand command, CancellationToken cancellationToken = default);

    Task<StockCommandOutcome> SetSafetyStock(int quantity, string source, CancellationToken cancellationToken = default);

    Task<StockCommandOutcome> GetLevel(CancellationToken cancellationToken = default);

    /// <summary>Whether on hand still covers this reservation's hold; null when it holds nothing here.</summary>
    Task<bool?> IsHoldCovered(string reservationId, CancellationToken cancellationToken = default);

    Task<HoldOutcome> Hold(GrainTransaction transaction, string reservationId, int quantity, DateTimeOffset expiresAt, string source);

    /// <summary>Gives the held units back; false when the reservation held nothing here.</summary>
    Task<bool> ReleaseHold(GrainTransaction transaction, string reservationId, StockMovementKind kind, string source);

    /// <summary>The held units leave stock as a sale; false when the reservation held nothing here.</summary>
    Task<bool> FulfilHold(GrainTransaction transaction, string reservationId, string source);
}
