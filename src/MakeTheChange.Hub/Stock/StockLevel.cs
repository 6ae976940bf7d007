using System.Collections.Immutable;

namespace MakeTheChange.Hub.Stock;

/// <summary>A stock grain's level as callers see it; <see cref="Version"/> counts its ledger entries.</summary>
public sealed record StockLevel(
    string Sku,
    string LocationId,
    int OnHand,
    int Held,
    int SafetyStock,
    int Available,
    ImmutableArray<LotQuantity> Lots,
    long Version)
{
    public static StockLevel Of(StockState state) => new(
        state.Sku,
        state.LocationId,
        state.OnHand,
        state.Held,
        state.SafetyStock,
        state.Available,
        state.LotQuantities(),
        state.LastSeq);

    /// <summary>The level right after <paramref name="entry"/>: the answer a repeated command gets again.</summary>
    public static StockLevel After(string sku, string locationId, StockLedgerEntry entry) => new(
        sku,
        locationId,
        entry.OnHandAfter,
        entry.HeldAfter,
        entry.SafetyStockAfter,
        Math.Max(0, entry.OnHandAfter - entry.HeldAfter - entry.SafetyStockAfter),
        entry.LotsAfter,
        entry.Seq);
}
