using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using MakeTheChange.Connectors.Lightspeed.Simulator.Inventory;
using MakeTheChange.Connectors.Lightspeed.Simulator.State;
using MakeTheChange.Connectors.Lightspeed.Simulator.Wire;
using Microsoft.AspNetCore.Http;

namespace MakeTheChange.Connectors.Lightspeed.Simulator.Products;

/// <summary>
/// <c>PUT /api/2.1/products/{id}</c> with <c>details.inventory</c>: an absolute stock set, which Lightspeed
/// warns races with till sales (pos-apis.md §2.5). The simulator adds an optimistic check: a top-level
/// <c>version</c> must equal the version of every inventory record the request sets, or nothing changes (409).
/// </summary>
internal static class AbsoluteInventorySet
{
    public static IResult Apply(SimulatorState state, string productId, ProductUpdateRequest request)
    {
        if (state.FindProduct(productId) is not { } product)
        {
            return LightspeedResults.NotFound($"No product {productId}.");
        }

        if (request.Details?.Inventory is not { Count: > 0 } entries)
        {
            return LightspeedResults.BadRequest("details.inventory must list at least one outlet; the simulator updates nothing else.");
        }

        var changes = new List<(StockKey Key, decimal Amount)>();
        for (var index = 0; index < entries.Count; index++)
        {
            var entry = entries[index];
            var field = string.Create(CultureInfo.InvariantCulture, $"details.inventory[{index}]");
            if (state.FindOutlet(entry?.OutletId) is not { } outlet)
            {
                return LightspeedResults.BadRequest($"{field}.outlet_id names no outlet: {entry?.OutletId ?? "(missing)"}.");
            }

            if (entry!.CurrentAmount is not { } amount || !Amounts.HasAtMostMaxDecimalPlaces(amount))
            {
                return LightspeedResults.BadRequest($"{field}.current_amount must be a number with at most {Amounts.MaxDecimalPlaces} decimal places.");
            }

            var key = new StockKey(product.Id, outlet.Id);
            if (changes.Exists(change => change.Key == key))
            {
                return LightspeedResults.BadRequest($"{field}.outlet_id {outlet.Id} is listed twice.");
            }

            changes.Add((key, amount));
        }

        if (request.Version is { } expected && changes.Exists(change => state.Inventory.Find(change.Key)!.Version != expected))
        {
            return LightspeedResults.Conflict(string.Create(CultureInfo.InvariantCulture, $"The inventory changed since version {expected}"));
        }

        foreach (var (key, amount) in changes)
        {
            state.SetStock(key, amount);
        }

        return LightspeedResults.Ok(new DataResponse<JsonObject>(WithInventory(state, product)));
    }

    /// <summary>The product with its inventory records at every outlet, as the 2.1 answer carries them.</summary>
    private static JsonObject WithInventory(SimulatorState state, SimulatedProduct product)
    {
        var json = JsonSerializer.SerializeToNode(product.ToWire(), LightspeedJson.Options)!.AsObject();
        json["inventory"] = JsonSerializer.SerializeToNode(
            state.Inventory.OfProduct(product.Id).Select(record => record.ToWire()).ToList(),
            LightspeedJson.Options);
        return json;
    }
}
