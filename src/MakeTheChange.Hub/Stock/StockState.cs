using System.Collections.Immutable;
using MakeTheChange.Grains;

namespace MakeTheChange.Hub.Stock;

/// <summary>
/// The state of one SKU at one location: on hand, held, safety stock, lots and holds, plus the ledger
/// entries not yet written (<see cref="Unsaved"/>). Invariant: the lots add up to on hand when on hand
/// is positive, and to nothing when a sale took it below zero.
/// </summary>
public sealed record StockState : IGrainState<StockState>
{
    public required string Sku { get; init; }

    public required string LocationId { get; init; }

    public StockCatalogStatus Catalog { get; init; }

    public long Version { get; init; }

    /// <summary>Sequence number of the last ledger entry; the <c>version</c> callers see.</summary>
    public long LastSeq { get; init; }

    public int OnHand { get; init; }

    public int Held { get; init; }

    public int SafetyStock { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }

    public ImmutableDictionary<string, StockLot> Lots { get; init; } = ImmutableDictionary.Create<string, StockLot>(StringComparer.Ordinal);

    public ImmutableDictionary<string, StockHold> Holds { get; init; } = ImmutableDictionary.Create<string, StockHold>(StringComparer.Ordinal);

    public ImmutableList<StockLedgerEntry> Unsaved { get; init; } = [];

    /// <summary>
    /// Reservations whose hold was taken or removed since the state was loaded or stored: storage writes
    /// those and does not compare every hold, of which a hot SKU may have thousands.
    /// </summary>
    public ImmutableHashSet<string> UnsavedHolds { get; init; } = ImmutableHashSet.Create<string>(StringComparer.Ordinal);

    /// <summary>What a channel may still promise here: on hand less held less safety stock, never below zero.</summary>
    public int Available => Math.Max(0, OnHand - Held - SafetyStock);

    public StockState Persisted(long version) => this with { Version = version, Unsaved = [], UnsavedHolds = UnsavedHolds.Clear() };

    internal StockState WithHold(StockHold hold) => this with
    {
        Holds = Holds.Add(hold.ReservationId, hold),
        UnsavedHolds = UnsavedHolds.Add(hold.ReservationId),
    };

    internal StockState WithoutHold(string reservationId) => this with
    {
        Holds = Holds.Remove(reservationId),
        UnsavedHolds = UnsavedHolds.Add(reservationId),
    };

    /// <summary>The state with <paramref name="entry"/> appended to the ledger.</summary>
    internal StockState Record(StockLedgerEntry entry) => this with
    {
        LastSeq = entry.Seq,
        OnHand = entry.OnHandAfter,
        Held = entry.HeldAfter,
        SafetyStock = entry.SafetyStockAfter,
        UpdatedAt = entry.RecordedAt,
        Unsaved = Unsaved.Add(entry),
    };

    /// <summary>The lots in the order stock leaves them: earliest best-before first (FEFO), then first received (FIFO).</summary>
    public StockLot[] LotsInConsumptionOrder()
    {
        // Every movement of every grain orders its lots, mostly one or none: no LINQ sort for those.
        var lots = new StockLot[Lots.Count];
        var i = 0;
        foreach (var (_, lot) in Lots)
        {
            lots[i++] = lot;
        }

        if (lots.Length > 1)
        {
            Array.Sort(lots, ConsumptionOrder);
        }

        return lots;
    }

    public ImmutableArray<LotQuantity> LotQuantities()
    {
        var lots = LotsInConsumptionOrder();
        var quantities = ImmutableArray.CreateBuilder<LotQuantity>(lots.Length);
        foreach (var lot in lots)
        {
            quantities.Add(new LotQuantity(lot.Lot, lot.BestBefore, lot.Quantity));
        }

        return quantities.MoveToImmutable();
    }

    private static int ConsumptionOrder(StockLot a, StockLot b)
    {
        if (a.BestBefore != b.BestBefore)
        {
            return (a.BestBefore, b.BestBefore) switch
            {
                (null, _) => 1,
                (_, null) => -1,
                var (x, y) => x.Value.CompareTo(y.Value),
            };
        }

        // Keys are unique: the order is total, the same on every node whatever the dictionary's order.
        return a.ReceivedSeq != b.ReceivedSeq ? a.ReceivedSeq.CompareTo(b.ReceivedSeq) : string.CompareOrdinal(a.Key, b.Key);
    }
}
