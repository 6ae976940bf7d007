namespace MakeTheChange.Connectors.Square.Simulator.Catalog;

/// <summary>The simulator's item variations. Not thread-safe: used under the simulator's lock.</summary>
internal sealed class VariationCatalog
{
    private readonly Dictionary<string, SimulatedVariation> _variations = new(StringComparer.Ordinal);
    private long _lastVersion;

    public DateTimeOffset? LastUpdatedAt { get; private set; }

    /// <summary>All variations, ordered by id so that pages are stable.</summary>
    public IEnumerable<SimulatedVariation> All => _variations.Values.OrderBy(variation => variation.Id, StringComparer.Ordinal);

    public SimulatedVariation? Find(string id) => _variations.GetValueOrDefault(id);

    /// <summary>The variations whose SKU is exactly <paramref name="sku"/> (the till scans a barcode, it does not search).</summary>
    public List<SimulatedVariation> FindBySku(string sku) =>
        [.. _variations.Values.Where(variation => string.Equals(variation.Sku, sku, StringComparison.Ordinal))];

    public SimulatedVariation Upsert(string id, VariationUpsert upsert, DateTimeOffset now)
    {
        var existing = Find(id);

        // Catalog versions grow with every write (optimistic concurrency, pos-apis.md §1.3); Square's look like epoch milliseconds.
        _lastVersion = Math.Max(_lastVersion + 1, now.ToUnixTimeMilliseconds());
        var variation = new SimulatedVariation(
            id,
            upsert.ItemId ?? existing?.ItemId ?? $"{id}-ITEM",
            upsert.Name,
            upsert.Sku,
            upsert.PriceCents,
            upsert.TrackInventory ?? true,
            _lastVersion,
            now);
        _variations[id] = variation;
        LastUpdatedAt = now;
        return variation;
    }
}
