using MakeTheChange.Connectors.Lightspeed.Simulator.Wire;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace MakeTheChange.Connectors.Lightspeed.Simulator.Products;

/// <summary>
/// <c>GET /api/2.0/products</c> (change feed, or SKU lookup with <c>?sku=</c>), <c>GET /api/2.0/products/{id}</c>
/// and the absolute stock set <c>PUT /api/2.1/products/{id}</c> (pos-apis.md §2.2, §2.5).
/// </summary>
internal static class ProductsEndpoints
{
    public static void MapProductsEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/2.0/products", List);
        api.MapGet("/2.0/products/{productId}", Get);
        api.MapPut("/2.1/products/{productId}", UpdateAsync);
    }

    private static IResult List(HttpRequest request, LightspeedSimulator simulator)
    {
        // "GET /products?sku=XYZ: other params are ignored" (pos-apis.md §2.2): a lookup, not a page of the feed.
        if (request.Query.TryGetValue("sku", out var sku))
        {
            var wanted = sku.ToString();
            return LightspeedResults.Ok(simulator.Run(state => new DataResponse<IReadOnlyList<Product>>(
                [.. state.Products.Values.Where(product => string.Equals(product.Sku, wanted, StringComparison.Ordinal)).Select(product => product.ToWire())])));
        }

        var query = PageQuery.TryRead(request.Query, out var error);
        return query is null
            ? LightspeedResults.BadRequest(error!)
            : LightspeedResults.Ok(simulator.Run(state => ChangeFeed.Page(state.Products.Values, product => product.Version, query, product => product.ToWire())));
    }

    private static IResult Get(string productId, LightspeedSimulator simulator) =>
        simulator.Run(state => state.FindProduct(productId) is { } product
            ? LightspeedResults.Ok(new DataResponse<Product>(product.ToWire()))
            : LightspeedResults.NotFound($"No product {productId}."));

    private static async Task<IResult> UpdateAsync(string productId, HttpRequest request, LightspeedSimulator simulator, CancellationToken cancellationToken)
    {
        var body = await RequestBody<ProductUpdateRequest>.ReadAsync(request, cancellationToken);
        return body.Failure ?? simulator.Run(state => AbsoluteInventorySet.Apply(state, productId, body.Value!));
    }
}
