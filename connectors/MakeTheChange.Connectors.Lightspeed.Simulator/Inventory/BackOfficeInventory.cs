using MakeTheChange.Connectors.Lightspeed.Simulator.State;
using MakeTheChange.Connectors.Lightspeed.Simulator.Wire;
using MakeTheChange.Connectors.Simulation;

namespace MakeTheChange.Connectors.Lightspeed.Simulator.Inventory;

/// <summary>Stock changes made in the X-Series back office, and drift that nothing reports.</summary>
internal static class BackOfficeInventory
{
    /// <summary>A stocktake: sets the amount, bumps the record's version and fires inventory.update, as any stock change does (pos-apis.md §2.4).</summary>
    public static InventoryLevel Stocktake(SimulatorState state, string productId, string outletId, decimal amount)
    {
        var key = RequireStockKey(state, productId, outletId);
        RequireAmount(amount);
        return state.SetStock(key, amount).ToLevel();
    }

    /// <summary>Sets the amount with no version bump and no webhook: drift for a reconciliation to find.</summary>
    public static InventoryLevel Drift(SimulatorState state, string productId, string outletId, decimal amount)
    {
        var key = RequireStockKey(state, productId, outletId);
        RequireAmount(amount);
        return state.Inventory.SetSilently(key, amount).ToLevel();
    }

    public static InventoryLevel? Level(SimulatorState state, string productId, string outletId) =>
        state.FindStockKey(productId, outletId) is { } key ? state.Inventory.Find(key)?.ToLevel() : null;

    private static StockKey RequireStockKey(SimulatorState state, string productId, string outletId)
    {
        var product = state.FindProduct(productId) ?? throw SimulatorRequestException.NotFound($"No product {productId}.");
        var outlet = state.FindOutlet(outletId) ?? throw SimulatorRequestException.NotFound($"No outlet {outletId}.");
        return new StockKey(product.Id, outlet.Id);
    }

    private static void RequireAmount(decimal amount)
    {
        if (!Amounts.HasAtMostMaxDecimalPlaces(amount))
        {
            throw SimulatorRequestException.Invalid($"amount has at most {Amounts.MaxDecimalPlaces} decimal places.");
        }
    }
}
