using MakeTheChange.Connectors.Square.Simulator.Catalog;
using MakeTheChange.Connectors.Square.Simulator.Faults;
using MakeTheChange.Connectors.Square.Simulator.Inventory;
using MakeTheChange.Connectors.Square.Simulator.Locations;
using MakeTheChange.Connectors.Square.Simulator.Orders;
using MakeTheChange.Connectors.Square.Simulator.Payments;
using MakeTheChange.Connectors.Square.Simulator.Webhooks;
using MakeTheChange.Connectors.Square.Simulator.Wire;

namespace MakeTheChange.Connectors.Square.Simulator.State;

/// <summary>
/// Everything the simulator holds. Not thread-safe: only reached through <see cref="SquareSimulator.Run{T}"/>,
/// under its lock. A reset replaces it whole.
/// </summary>
internal sealed class SimulatorState(SimulatorClock clock, SquareSimulatorOptions options)
{
    /// <summary>Square sends at most 100 counts per inventory.count.updated notification (pos-apis.md §1.6).</summary>
    public const int MaxCountsPerEvent = 100;

    public const string Currency = "EUR";
    public const string Country = "BE";
    public const string Timezone = "Europe/Brussels";

    private readonly List<PendingWebhookEvent> _pendingEvents = [];

    public SimulatorClock Clock { get; } = clock;

    public string MerchantId { get; } = options.MerchantId;

    public string ApplicationId { get; } = options.ApplicationId;

    public Dictionary<string, SimulatedLocation> Locations { get; } = new(StringComparer.Ordinal);

    public VariationCatalog Catalog { get; } = new();

    public InventoryLedger Inventory { get; } = new();

    public Dictionary<string, IdempotentResponse> InventoryIdempotency { get; } = new(StringComparer.Ordinal);

    public OrderBook Orders { get; } = new();

    public Dictionary<string, Payment> Payments { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, Refund> Refunds { get; } = new(StringComparer.Ordinal);

    public FaultState Faults { get; } = new();

    /// <summary>The webhook subscription; null while none is set or it is disabled.</summary>
    public WebhookSubscription? Webhooks { get; set; }

    public SquareLocation ToSquareLocation(SimulatedLocation location) => new(
        location.Id,
        location.Name,
        "ACTIVE",
        Timezone,
        Currency,
        Country,
        MerchantId,
        "PHYSICAL",
        location.Name,
        Rfc3339.Format(location.CreatedAt));

    public List<InventoryCount> CountsOf(IEnumerable<StockKey> keys) =>
        [.. keys.Select(Inventory.Find).OfType<InventoryCountRecord>().Select(count => count.ToWire())];

    public void Raise(string type, string dataType, string dataId, object payload) =>
        _pendingEvents.Add(new PendingWebhookEvent(type, dataType, dataId, payload, Clock.Next()));

    /// <summary>inventory.count.updated with the new counts of <paramref name="keys"/>, 100 counts per event at most.</summary>
    public void RaiseInventoryCountsUpdated(IReadOnlyCollection<StockKey> keys)
    {
        foreach (var chunk in CountsOf(keys).Chunk(MaxCountsPerEvent))
        {
            Raise(WebhookEventTypes.InventoryCountUpdated, "inventory", Guid.NewGuid().ToString(), new InventoryCountsEventObject(chunk));
        }
    }

    /// <summary>Hands over the events raised since the last call.</summary>
    public List<PendingWebhookEvent> TakeEvents()
    {
        var events = _pendingEvents.ToList();
        _pendingEvents.Clear();
        return events;
    }
}
