using System.Collections.Immutable;

namespace MakeTheChange.Hub.Stock;

/// <summary>Puts units into lots and takes them out, earliest best-before first, then first received.</summary>
internal static class LotAllocation
{
    /// <summary>Adds units to a lot; a best-before that contradicts the lot's own is refused.</summary>
    public static (ImmutableDictionary<string, StockLot> Lots, LotQuantity Added, string? Refusal) Add(
        ImmutableDictionary<string, StockLot> lots,
        string? lot,
        DateOnly? bestBefore,
        int quantity,
        long seq,
        DateTimeOffset now)
    {
        var key = StockLot.KeyFor(lot, bestBefore);
        if (lots.TryGetValue(key, out var existing))
        {
            if (bestBefore is { } date && existing.BestBefore != date)
            {
                var known = existing.BestBefore is { } knownDate ? $"best-before {knownDate:yyyy-MM-dd}" : "no best-before date";
                return (lots, new LotQuantity(lot, bestBefore, 0), $"Lot '{lot}' already has {known}; units of it cannot have best-before {date:yyyy-MM-dd}.");
            }

            return (
                lots.SetItem(key, existing with { Quantity = existing.Quantity + quantity }),
                new LotQuantity(existing.Lot, existing.BestBefore, quantity),
                null);
        }

        var created = new StockLot(key, bestBefore, quantity, seq, now);
        return (lots.Add(key, created), new LotQuantity(created.Lot, bestBefore, quantity), null);
    }

    /// <summary>
    /// Takes <paramref name="quantity"/> units (no more than the lots hold): from the lot named
    /// <paramref name="preferredLot"/> first when it exists, then by earliest best-before, then first received.
    /// </summary>
    public static (ImmutableDictionary<string, StockLot> Lots, ImmutableArray<LotQuantity> Taken) Take(
        StockState state,
        int quantity,
        string? preferredLot)
    {
        var lots = state.Lots;
        var taken = ImmutableArray.CreateBuilder<LotQuantity>();
        IEnumerable<StockLot> order = state.LotsInConsumptionOrder();
        if (preferredLot is not null && lots.TryGetValue(preferredLot, out var preferred))
        {
            order = order.Where(lot => !ReferenceEquals(lot, preferred)).Prepend(preferred);
        }

        var remaining = quantity;
        foreach (var lot in order)
        {
            if (remaining == 0)
            {
                break;
            }

            var take = Math.Min(remaining, lot.Quantity);
            lots = take == lot.Quantity ? lots.Remove(lot.Key) : lots.SetItem(lot.Key, lot with { Quantity = lot.Quantity - take });
            taken.Add(new LotQuantity(lot.Lot, lot.BestBefore, -take));
            remaining -= take;
        }

        return (lots, taken.ToImmutable());
    }
}
