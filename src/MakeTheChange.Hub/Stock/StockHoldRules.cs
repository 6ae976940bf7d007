namespace MakeTheChange.Hub.Stock;

/// <summary>
/// Holds taken by reservations: a hold only takes what is available (on hand less held less safety
/// stock, at this location); releasing or fulfilling it writes its own ledger entry.
/// </summary>
public static class StockHoldRules
{
    public static (StockState State, HoldOutcome Outcome) Hold(
        StockState state,
        string reservationId,
        int quantity,
        DateTimeOffset expiresAt,
        string source,
        DateTimeOffset now)
    {
        if (state.Holds.ContainsKey(reservationId))
        {
            return (state, new HoldOutcome(HoldStatus.Held, state.Available));
        }

        if (quantity > state.Available)
        {
            return (state, new HoldOutcome(HoldStatus.Insufficient, state.Available));
        }

        var seq = state.LastSeq + 1;
        var held = state.WithHold(new StockHold(reservationId, quantity, expiresAt, seq));
        var next = held.Record(SystemEntry(held, seq, $"hold:{reservationId}", StockMovementKind.Hold, quantity, 0, quantity, [], source, reservationId, now));
        return (next, new HoldOutcome(HoldStatus.Held, next.Available));
    }

    /// <summary>Gives held units back (kind <see cref="StockMovementKind.Release"/> or <see cref="StockMovementKind.Expire"/>).</summary>
    public static StockState? Release(StockState state, string reservationId, StockMovementKind kind, string source, DateTimeOffset now)
    {
        if (!state.Holds.TryGetValue(reservationId, out var hold))
        {
            return null;
        }

        var seq = state.LastSeq + 1;
        var released = state.WithoutHold(reservationId);
        return released.Record(SystemEntry(
            released,
            seq,
            $"{kind.ToWire()}:{reservationId}",
            kind,
            hold.Quantity,
            0,
            -hold.Quantity,
            [],
            source,
            reservationId,
            now));
    }

    /// <summary>The held units leave stock: a sale, lots taken FEFO, with the reservation as reference.</summary>
    public static StockDecision? Fulfil(StockState state, string reservationId, string source, DateTimeOffset now)
    {
        if (!state.Holds.TryGetValue(reservationId, out var hold))
        {
            return null;
        }

        var seq = state.LastSeq + 1;
        var take = Math.Max(state.OnHand, 0) - Math.Max(state.OnHand - hold.Quantity, 0);
        var (lots, taken) = LotAllocation.Take(state, take, preferredLot: null);
        var fulfilled = state.WithoutHold(reservationId) with { Lots = lots, OnHand = state.OnHand - hold.Quantity };
        var next = fulfilled.Record(SystemEntry(
            fulfilled,
            seq,
            $"fulfil:{reservationId}",
            StockMovementKind.Sale,
            hold.Quantity,
            -hold.Quantity,
            -hold.Quantity,
            taken,
            source,
            reservationId,
            now));
        return StockDecision.Accept(state, next);
    }

    private static StockLedgerEntry SystemEntry(
        StockState after,
        long seq,
        string movementId,
        StockMovementKind kind,
        int quantity,
        int onHandDelta,
        int heldDelta,
        System.Collections.Immutable.ImmutableArray<LotQuantity> lots,
        string source,
        string reservationId,
        DateTimeOffset now) =>
        new(
            seq,
            movementId,
            kind,
            quantity,
            onHandDelta,
            heldDelta,
            OnHandAfter: after.OnHand,
            HeldAfter: after.Held + heldDelta,
            SafetyStockAfter: after.SafetyStock,
            lots,
            after.LotQuantities(),
            source,
            reservationId,
            Reason: null,
            now,
            now,
            []);
}
