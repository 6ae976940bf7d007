namespace MakeTheChange.Connectors.Square.Simulator.Inventory;

/// <summary>
/// IN_STOCK counts and the history of changes. Square computes a count as the last physical count
/// (else 0) plus every adjustment with a later <c>occurred_at</c> (pos-apis.md §1.4), so a late
/// adjustment older than the last count is kept in the history but moves nothing, and a physical
/// count replays the adjustments that happened after it. Equal times are ordered by arrival: an
/// adjustment sent after a count with the same <c>occurred_at</c> applies, one sent before it does not.
/// Not thread-safe: used under the simulator's lock.
/// </summary>
internal sealed class InventoryLedger
{
    private readonly Dictionary<StockKey, InventoryCountRecord> _counts = [];
    private readonly List<InventoryChangeRecord> _changes = [];

    /// <summary>Every change, oldest first.</summary>
    public IReadOnlyList<InventoryChangeRecord> Changes => _changes;

    public IEnumerable<InventoryCountRecord> Counts => _counts.Values;

    public InventoryCountRecord? Find(StockKey key) => _counts.GetValueOrDefault(key);

    /// <summary>Applies a change to its count and appends it to the history.</summary>
    public InventoryChangeRecord Record(InventoryChangeRecord change)
    {
        var count = GetOrCreate(change.Key, change.CreatedAt);
        if (change.Type == InventoryChangeTypes.PhysicalCount)
        {
            if (count.LastPhysicalCountAt is not { } lastCount || change.OccurredAt >= lastCount)
            {
                count.Quantity = change.Quantity + _changes
                    .Where(earlier => earlier.Key == change.Key && earlier.OccurredAt > change.OccurredAt)
                    .Sum(earlier => earlier.InStockDelta);
                count.LastPhysicalCountAt = change.OccurredAt;
            }
        }
        else if (count.LastPhysicalCountAt is not { } lastCount || change.OccurredAt >= lastCount)
        {
            count.Quantity += change.InStockDelta;
        }

        count.CalculatedAt = change.CreatedAt;
        var recorded = change with { Sequence = _changes.Count + 1L };
        _changes.Add(recorded);
        return recorded;
    }

    /// <summary>
    /// Sets a count with no change record, no new <c>calculated_at</c> and no webhook: the drift a
    /// reconciliation must find, since nothing tells the hub about it.
    /// </summary>
    public void SetSilently(StockKey key, decimal quantity, DateTimeOffset now) => GetOrCreate(key, now).Quantity = quantity;

    private InventoryCountRecord GetOrCreate(StockKey key, DateTimeOffset now)
    {
        if (!_counts.TryGetValue(key, out var count))
        {
            count = new InventoryCountRecord(key, now);
            _counts.Add(key, count);
        }

        return count;
    }
}
