using System.Globalization;
using MakeTheChange.Connectors.Lightspeed.Simulator.Faults;
using MakeTheChange.Connectors.Lightspeed.Simulator.Inventory;
using MakeTheChange.Connectors.Lightspeed.Simulator.Outlets;
using MakeTheChange.Connectors.Lightspeed.Simulator.Products;
using MakeTheChange.Connectors.Lightspeed.Simulator.RateLimiting;
using MakeTheChange.Connectors.Lightspeed.Simulator.Sales;
using MakeTheChange.Connectors.Lightspeed.Simulator.StockAdjustments;
using MakeTheChange.Connectors.Lightspeed.Simulator.Webhooks;
using MakeTheChange.Connectors.Lightspeed.Simulator.Wire;

namespace MakeTheChange.Connectors.Lightspeed.Simulator.State;

/// <summary>
/// Everything the simulator holds. Not thread-safe: only reached through <see cref="LightspeedSimulator.Run{T}"/>,
/// under its lock. A reset replaces it whole.
/// </summary>
internal sealed class SimulatorState(TimeProvider time, LightspeedSimulatorOptions options)
{
    public const string Currency = "EUR";
    public const string TimeZone = "Europe/Brussels";

    /// <summary>One tax for every product: Belgian standard VAT. Prices are entered including it.</summary>
    public const decimal TaxRate = 0.21m;

    private readonly List<PendingWebhookEvent> _pendingEvents = [];
    private long _version;
    private long _invoiceSequence;

    public DateTimeOffset Now => time.GetUtcNow();

    public string DomainPrefix { get; } = options.DomainPrefix;

    /// <summary>The user every till sale and stock adjustment is made by.</summary>
    public string UserId { get; } = LightspeedIds.NewId();

    public Dictionary<string, SimulatedOutlet> Outlets { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, SimulatedProduct> Products { get; } = new(StringComparer.Ordinal);

    public InventoryBook Inventory { get; } = new();

    public Dictionary<string, SimulatedSale> Sales { get; } = new(StringComparer.Ordinal);

    public List<StockAdjustment> StockAdjustments { get; } = [];

    public FaultState Faults { get; } = new();

    public SlidingWindowRateLimiter RateLimit { get; set; } = new(RateLimitSettings.Default(options.Registers));

    /// <summary>The webhook subscription; null while none is set or it is disabled.</summary>
    public WebhookSubscription? Webhooks { get; set; }

    /// <summary>How many of the next events to lose on purpose.</summary>
    public int WebhooksToDrop { get; set; }

    /// <summary>
    /// The next value of the store's one version counter. Every change of any entity takes a new one, so a
    /// list read "after" a version is a change feed (x-series-api.lightspeedhq.com/docs/pagination).
    /// </summary>
    public long NextVersion() => ++_version;

    public string NextInvoiceNumber() => (++_invoiceSequence).ToString(CultureInfo.InvariantCulture);

    public SimulatedOutlet? FindOutlet(string? id) =>
        LightspeedIds.Canonical(id) is { } key ? Outlets.GetValueOrDefault(key) : null;

    public SimulatedProduct? FindProduct(string? id) =>
        LightspeedIds.Canonical(id) is { } key ? Products.GetValueOrDefault(key) : null;

    public SimulatedSale? FindSale(string? id) =>
        LightspeedIds.Canonical(id) is { } key ? Sales.GetValueOrDefault(key) : null;

    public StockKey? FindStockKey(string productId, string outletId) =>
        FindProduct(productId) is { } product && FindOutlet(outletId) is { } outlet ? new StockKey(product.Id, outlet.Id) : null;

    /// <summary>Sets an amount as a change: a new version and an inventory.update.</summary>
    public SimulatedInventory SetStock(StockKey key, decimal amount)
    {
        var record = Inventory.Set(key, amount, NextVersion());
        Raise(WebhookEventTypes.InventoryUpdate, record.Id, record.Version, record.ToEventPayload());
        return record;
    }

    /// <summary>Moves an amount by <paramref name="delta"/> as a change; it may go negative, as X-Series allows.</summary>
    public SimulatedInventory AdjustStock(StockKey key, decimal delta) =>
        SetStock(key, Inventory.Find(key)!.Amount + delta);

    public void Raise(string type, string entityId, long version, object payload) =>
        _pendingEvents.Add(new PendingWebhookEvent(type, entityId, version, payload));

    /// <summary>Hands over the events raised since the last call.</summary>
    public List<PendingWebhookEvent> TakeEvents()
    {
        var events = _pendingEvents.ToList();
        _pendingEvents.Clear();
        return events;
    }
}
