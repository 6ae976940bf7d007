namespace MakeTheChange.Hub.Stock;

/// <summary>
/// Which holds on hand still covers. Older holds come first: when a POS sale takes held units, the
/// newest reservations are the ones at risk, not the customers who reserved first.
/// </summary>
public static class HoldCoverage
{
    public static HashSet<string> Uncovered(StockState state)
    {
        var uncovered = new HashSet<string>(StringComparer.Ordinal);
        if (state.Held <= state.OnHand)
        {
            return uncovered;
        }

        long covered = 0;
        foreach (var hold in state.Holds.Values.OrderBy(hold => hold.HeldSeq))
        {
            covered += hold.Quantity;
            if (covered > state.OnHand)
            {
                uncovered.Add(hold.ReservationId);
            }
        }

        return uncovered;
    }

    public static bool IsCovered(StockState state, string reservationId) =>
        state.Holds.ContainsKey(reservationId) && !Uncovered(state).Contains(reservationId);

    public static IReadOnlyList<StockHold> NewlyUncovered(StockState before, StockState after)
    {
        if (after.Held <= after.OnHand)
        {
            return [];
        }

        var wasUncovered = Uncovered(before);
        var newly = new List<StockHold>();
        foreach (var reservationId in Uncovered(after))
        {
            if (!wasUncovered.Contains(reservationId))
            {
                newly.Add(after.Holds[reservationId]);
            }
        }

        return newly;
    }
}
