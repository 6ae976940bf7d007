using MakeTheChange.Connectors.Lightspeed.Simulator.Wire;

namespace MakeTheChange.Connectors.Lightspeed.Simulator.Inventory;

/// <summary>The inventory records, one per (product, outlet). Not thread-safe: used under the simulator's lock.</summary>
internal sealed class InventoryBook
{
    private readonly Dictionary<StockKey, SimulatedInventory> _records = [];

    public IEnumerable<SimulatedInventory> All => _records.Values;

    public SimulatedInventory? Find(StockKey key) => _records.GetValueOrDefault(key);

    public IEnumerable<SimulatedInventory> OfProduct(string productId) =>
        _records.Values.Where(record => string.Equals(record.Key.ProductId, productId, StringComparison.Ordinal)).OrderBy(record => record.Version);

    /// <summary>The record X-Series makes when a product meets an outlet: no stock yet.</summary>
    public SimulatedInventory Create(StockKey key, long version)
    {
        var record = new SimulatedInventory(LightspeedIds.NewId(), key, Amount: 0, version);
        _records.Add(key, record);
        return record;
    }

    public SimulatedInventory Set(StockKey key, decimal amount, long version)
    {
        var record = _records[key] with { Amount = Amounts.Normalize(amount), Version = version };
        _records[key] = record;
        return record;
    }

    /// <summary>Changes the amount and nothing else: no version, so no change feed and no webhook ever shows it.</summary>
    public SimulatedInventory SetSilently(StockKey key, decimal amount)
    {
        var record = _records[key] with { Amount = Amounts.Normalize(amount) };
        _records[key] = record;
        return record;
    }
}
