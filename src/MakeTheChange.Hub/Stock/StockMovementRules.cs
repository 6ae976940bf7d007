using System.Collections.Immutable;

namespace MakeTheChange.Hub.Stock;

/// <summary>
/// The stock rules for movements (design.md, "Stock rules"): a sale is never refused, even below
/// zero, because it already happened at the till; damage and adjustments may not take on hand below
/// zero; a count sets on hand to what was found; units enter and leave lots FEFO then FIFO; every
/// change is one ledger entry.
/// </summary>
public static class StockMovementRules
{
    /// <summary>On hand stays within ±1e9, far from int overflow whatever the movements.</summary>
    public const int MaxOnHand = 1_000_000_000;

    public static StockDecision Apply(StockState state, StockMovementCommand command, DateTimeOffset now)
    {
        long onHandAfter = command.Kind switch
        {
            StockMovementKind.Receipt or StockMovementKind.Return or StockMovementKind.Adjustment => (long)state.OnHand + command.Quantity,
            StockMovementKind.Sale or StockMovementKind.Damage => (long)state.OnHand - command.Quantity,
            StockMovementKind.Count => command.Quantity,
            _ => throw new ArgumentException($"{command.Kind} is not a movement a caller may send.", nameof(command)),
        };

        if (Math.Abs(onHandAfter) > MaxOnHand)
        {
            return StockDecision.Refuse($"This {command.Kind.ToWire()} would take on hand to {onHandAfter}, beyond the limit of ±{MaxOnHand}.");
        }

        if (onHandAfter < 0 && onHandAfter < state.OnHand && command.Kind is StockMovementKind.Damage or StockMovementKind.Adjustment)
        {
            return StockDecision.Refuse(
                $"This {command.Kind.ToWire()} would take on hand from {state.OnHand} to {onHandAfter}; only a sale may take stock below zero.");
        }

        var seq = state.LastSeq + 1;
        var lots = state.Lots;
        ImmutableArray<LotQuantity> lotMoves = [];

        // Lots hold the positive part of on hand: units sold before they were received are covered
        // by the next units in before those reach a lot.
        var inLotsBefore = Math.Max(state.OnHand, 0);
        var inLotsAfter = (int)Math.Max(onHandAfter, 0);
        if (inLotsAfter > inLotsBefore)
        {
            var (added, move, refusal) = LotAllocation.Add(lots, command.Lot, command.BestBefore, inLotsAfter - inLotsBefore, seq, now);
            if (refusal is not null)
            {
                return StockDecision.Refuse(refusal);
            }

            lots = added;
            lotMoves = [move];
        }
        else if (inLotsAfter < inLotsBefore)
        {
            var take = inLotsBefore - inLotsAfter;
            if (command.Lot is { } named && command.Kind is StockMovementKind.Damage or StockMovementKind.Adjustment)
            {
                var holds = state.Lots.TryGetValue(named, out var lot) ? lot.Quantity : 0;
                if (holds < take)
                {
                    return StockDecision.Refuse($"Lot '{named}' holds {holds} units here; this {command.Kind.ToWire()} takes {take}.");
                }
            }

            (lots, lotMoves) = LotAllocation.Take(state, take, command.Lot);
        }

        var withLots = state with { Lots = lots };
        var entry = new StockLedgerEntry(
            seq,
            command.MovementId,
            command.Kind,
            command.Quantity,
            OnHandDelta: (int)(onHandAfter - state.OnHand),
            HeldDelta: 0,
            OnHandAfter: (int)onHandAfter,
            HeldAfter: state.Held,
            SafetyStockAfter: state.SafetyStock,
            lotMoves,
            withLots.LotQuantities(),
            command.Source,
            command.Reference,
            command.Reason,
            command.OccurredAt ?? now,
            now,
            command.RequestHash);
        return StockDecision.Accept(state, withLots.Record(entry));
    }

    /// <summary>Sets the safety stock (units never promised to any channel); the same value again changes nothing.</summary>
    public static StockState SetSafetyStock(StockState state, int quantity, string source, DateTimeOffset now)
    {
        if (quantity == state.SafetyStock)
        {
            return state;
        }

        var seq = state.LastSeq + 1;
        return state.Record(new StockLedgerEntry(
            seq,
            $"safety-stock:{seq}",
            StockMovementKind.SafetyStock,
            quantity,
            OnHandDelta: 0,
            HeldDelta: 0,
            state.OnHand,
            state.Held,
            SafetyStockAfter: quantity,
            [],
            state.LotQuantities(),
            source,
            Reference: null,
            Reason: null,
            now,
            now,
            []));
    }
}
