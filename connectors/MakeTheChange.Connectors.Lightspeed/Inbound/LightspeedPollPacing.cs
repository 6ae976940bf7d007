using System.Collections.Concurrent;
using MakeTheChange.Hub.Connections;

namespace MakeTheChange.Connectors.Lightspeed.Inbound;

/// <summary>
/// How often webhooks may make the connector read a store's feeds, out of its request budget (300 ×
/// registers + 50 per 5 minutes, pos-apis.md §2.1): the sales feed, which brings the till sales, with half
/// of it, after a burst of a fiftieth; the inventory feed, which only watches for drift, with a tenth of
/// it and at most every <see cref="InventoryFeedInterval"/>. The rest is left for pushes, the scheduled
/// polls, reconciliation and the store's other apps. A storm of webhooks then costs the same as a quiet
/// minute's worth of polls, however long it lasts, and never runs the store out of budget.
/// </summary>
internal sealed class LightspeedPollPacing(TimeProvider clock)
{
    public static readonly TimeSpan InventoryFeedInterval = TimeSpan.FromSeconds(5);

    private const double SalesShare = 0.5;
    private const double InventoryShare = 0.1;

    private readonly ConcurrentDictionary<string, Paces> _paces = new(StringComparer.Ordinal);

    public ReadPace Sales(PosConnection connection, LightspeedSettings settings) => Of(connection, settings).Sales;

    public ReadPace Inventory(PosConnection connection, LightspeedSettings settings) => Of(connection, settings).Inventory;

    private Paces Of(PosConnection connection, LightspeedSettings settings)
    {
        var budget = (settings.BudgetRequests, settings.BudgetWindow);
        return _paces.AddOrUpdate(
            connection.ConnectionId,
            _ => Create(budget),
            (_, known) => known.Budget == budget ? known : Create(budget));
    }

    private Paces Create((int Requests, TimeSpan Window) budget)
    {
        var perSecond = budget.Requests / budget.Window.TotalSeconds;
        return new Paces(
            budget,
            new ReadPace(perSecond * SalesShare, Math.Max(1, budget.Requests / 50), clock),
            new ReadPace(Math.Min(perSecond * InventoryShare, 1 / InventoryFeedInterval.TotalSeconds), 1, clock));
    }

    /// <summary>A connection's paces, made for the budget it had then (a changed budget makes new ones).</summary>
    private sealed record Paces((int Requests, TimeSpan Window) Budget, ReadPace Sales, ReadPace Inventory);
}
