namespace MakeTheChange.Hub.Stock;

/// <summary>
/// Ledger entries a stock grain knows were committed: the last few (a POS retry usually follows its
/// first attempt closely) and the ones storage just reported as duplicates.
/// </summary>
internal sealed class RecordedMovements
{
    private const int RecentCapacity = 8;

    private readonly Queue<StockLedgerEntry> _recent = new(RecentCapacity);
    private Dictionary<string, StockLedgerEntry> _reported = new(StringComparer.Ordinal);

    public StockLedgerEntry? Find(string movementId)
    {
        if (_reported.TryGetValue(movementId, out var reported))
        {
            return reported;
        }

        foreach (var entry in _recent)
        {
            if (string.Equals(entry.MovementId, movementId, StringComparison.Ordinal))
            {
                return entry;
            }
        }

        return null;
    }

    public void Committed(IEnumerable<StockLedgerEntry> entries)
    {
        foreach (var entry in entries)
        {
            if (_recent.Count == RecentCapacity)
            {
                _recent.Dequeue();
            }

            _recent.Enqueue(entry);
        }
    }

    public void Reported(IEnumerable<StockLedgerEntry> entries) =>
        _reported = entries.ToDictionary(entry => entry.MovementId, StringComparer.Ordinal);
}
