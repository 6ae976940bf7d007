using MakeTheChange.Connectors.Simulation;
using MakeTheChange.Connectors.Square.Simulator.State;
using MakeTheChange.Connectors.Square.Simulator.Wire;

namespace MakeTheChange.Connectors.Square.Simulator.Inventory;

/// <summary>Stock changes made in the Square Dashboard, and drift that nothing reports.</summary>
internal static class BackOfficeInventory
{
    /// <summary>
    /// A recount in the Dashboard: a PHYSICAL_COUNT with source DASHBOARD, which fires
    /// inventory.count.updated like any stock action (pos-apis.md §1.6).
    /// </summary>
    public static InventoryLevel Recount(SimulatorState state, string variationId, string locationId, decimal quantity)
    {
        var key = RequireStockKey(state, variationId, locationId);
        if (quantity < 0 || Math.Round(quantity, SquareQuantity.MaxDecimalPlaces) != quantity)
        {
            throw SimulatorRequestException.Invalid($"quantity must be 0 or more, with at most {SquareQuantity.MaxDecimalPlaces} decimal places.");
        }

        var now = state.Clock.Next();
        state.Inventory.Record(new InventoryChangeRecord(
            SquareIds.NewInventoryChangeId(),
            InventoryChangeTypes.PhysicalCount,
            key,
            ReferenceId: null,
            FromState: null,
            InventoryStates.InStock,
            quantity,
            now,
            now,
            SourceApplication.Dashboard));
        state.RaiseInventoryCountsUpdated([key]);
        return Level(state, variationId, locationId)!;
    }

    /// <summary>Sets the count with no change record and no webhook: drift for a reconciliation to find.</summary>
    public static InventoryLevel Drift(SimulatorState state, string variationId, string locationId, decimal quantity)
    {
        var key = RequireStockKey(state, variationId, locationId);
        state.Inventory.SetSilently(key, quantity, state.Clock.Next());
        return Level(state, variationId, locationId)!;
    }

    public static InventoryLevel? Level(SimulatorState state, string variationId, string locationId) =>
        state.Inventory.Find(new StockKey(variationId, locationId)) is { } count ? new InventoryLevel(count.Quantity, count.CalculatedAt) : null;

    private static StockKey RequireStockKey(SimulatorState state, string variationId, string locationId)
    {
        if (state.Catalog.Find(variationId) is null)
        {
            throw SimulatorRequestException.NotFound($"No item variation {variationId}.");
        }

        if (!state.Locations.ContainsKey(locationId))
        {
            throw SimulatorRequestException.NotFound($"No location {locationId}.");
        }

        return new StockKey(variationId, locationId);
    }
}
