using MakeTheChange.Grains;
using MakeTheChange.Grains.Transactions;

namespace MakeTheChange.Hub.Stock;

/// <summary>How each <see cref="IStockGrain"/> method reaches the grain (Orleans would generate this).</summary>
internal sealed class StockGrainReference(GrainReference<StockGrain, StockState> grain) : IStockGrain
{
    public Task<StockCommandOutcome> ApplyMovement(StockMovementCommand command, CancellationToken cancellationToken = default) =>
        grain.Invoke(g => g.ApplyMovement(command), cancellationToken);

    public Task<StockCommandOutcome> SetSafetyStock(int quantity, string source, CancellationToken cancellationToken = default) =>
        grain.Invoke(g => g.SetSafetyStock(quantity, source), cancellationToken);

    public Task<StockCommandOutcome> GetLevel(CancellationToken cancellationToken = default) =>
        grain.Read(StockGrain.Level, cancellationToken);

    public Task<bool?> IsHoldCovered(string reservationId, CancellationToken cancellationToken = default) =>
        grain.Read(state => state.Holds.ContainsKey(reservationId) ? HoldCoverage.IsCovered(state, reservationId) : (bool?)null, cancellationToken);

    public Task<HoldOutcome> Hold(GrainTransaction transaction, string reservationId, int quantity, DateTimeOffset expiresAt, string source) =>
        grain.InvokeInTransaction(transaction, g => g.Hold(reservationId, quantity, expiresAt, source));

    public Task<bool> ReleaseHold(GrainTransaction transaction, string reservationId, StockMovementKind kind, string source) =>
        grain.InvokeInTransaction(transaction, g => g.ReleaseHold(reservationId, kind, source));

    public Task<bool> FulfilHold(GrainTransaction transaction, string reservationId, string source) =>
        grain.InvokeInTransaction(transaction, g => g.FulfilHold(reservationId, source));
}
