using MakeTheChange.Connectors.Lightspeed.Simulator.Wire;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace MakeTheChange.Connectors.Lightspeed.Simulator.Inventory;

/// <summary>
/// <c>GET /api/2.0/inventory</c>, the stock change feed the hub polls, and
/// <c>GET /api/2.0/products/{id}/inventory</c>, one product's records at every outlet (pos-apis.md §2.2, §2.5).
/// </summary>
internal static class InventoryEndpoints
{
    public static void MapInventoryEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/2.0/inventory", List);
        api.MapGet("/2.0/products/{productId}/inventory", OfProduct);
    }

    private static IResult List(HttpRequest request, LightspeedSimulator simulator)
    {
        var query = PageQuery.TryRead(request.Query, out var error);
        return query is null
            ? LightspeedResults.BadRequest(error!)
            : LightspeedResults.Ok(simulator.Run(state => ChangeFeed.Page(state.Inventory.All, record => record.Version, query, record => record.ToWire())));
    }

    private static IResult OfProduct(string productId, LightspeedSimulator simulator) =>
        simulator.Run(state => state.FindProduct(productId) is { } product
            ? LightspeedResults.Ok(new DataResponse<IReadOnlyList<InventoryRecord>>([.. state.Inventory.OfProduct(product.Id).Select(record => record.ToWire())]))
            : LightspeedResults.NotFound($"No product {productId}."));
}
